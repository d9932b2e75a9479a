package io.jenkins.plugins.immutable.engine.router;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Spreads a colour's share of a canary split over its server slots as HAProxy weights. HAProxy balances by weight over
 * the servers that take requests, so a colour's share of new requests is the sum of its serving servers' weights over
 * the sum of all of them. The shares add up to 100, so each colour's weights add up to its share exactly: the serving
 * servers get it in near-equal whole parts (the first ones one more when it does not divide), every other slot of the
 * colour 0, which keeps the sum exact and a slot brought back into service from taking requests unasked.
 */
final class ShareSpread {

    private ShareSpread() {
    }

    /**
     * @param share   the colour's share in percent, 0 to 100
     * @param serving the colour's servers that take new requests, in slot order
     * @param all     every server slot of the colour, in slot order
     * @return a weight per slot of the colour, adding up to {@code share} (or to 0 when none serves)
     */
    static Map<String, Integer> weights(int share, List<String> serving, List<String> all) {
        if (share < 0 || share > HaproxyRouter.FULL_SHARE) {
            throw new IllegalArgumentException("share must be 0 to 100, got " + share);
        }
        Map<String, Integer> weights = new LinkedHashMap<>();
        int n = serving.size();
        for (String name : all) {
            int index = serving.indexOf(name);
            weights.put(name, index < 0 ? 0 : share / n + (index < share % n ? 1 : 0));
        }
        return weights;
    }
}
