package io.jenkins.plugins.immutable.engine.signing;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import javax.crypto.KeyAgreement;

/** The public key of a PKCS#8 private key, which the JDK writes without its public point. */
final class PublicHalf {

    private PublicHalf() {
    }

    /**
     * The public half of a private key. The secret scalar is only ever used by the JDK's own ECDH (k times the
     * generator gives the public point's x); y follows from the curve equation, and a test signature picks its sign.
     */
    static PublicKey of(PrivateKey key) {
        try {
            ECPrivateKey ec = (ECPrivateKey) key;
            ECParameterSpec params = ec.getParams();
            KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
            agreement.init(key);
            agreement.doPhase(KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(params.getGenerator(), params)), true);
            BigInteger x = new BigInteger(1, agreement.generateSecret());
            BigInteger p = ((ECFieldFp) params.getCurve().getField()).getP();
            BigInteger y = x.pow(3).add(params.getCurve().getA().multiply(x)).add(params.getCurve().getB()).mod(p)
                    .modPow(p.add(BigInteger.ONE).shiftRight(2), p); // p = 3 mod 4 for P-256
            byte[] probe = "immutable-release key id probe".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(key);
            signer.update(probe);
            byte[] sig = signer.sign();
            for (BigInteger candidate : new BigInteger[] {y, p.subtract(y)}) {
                PublicKey pub = KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(x, candidate), params));
                Signature verifier = Signature.getInstance("SHA256withECDSA");
                verifier.initVerify(pub);
                verifier.update(probe);
                if (verifier.verify(sig)) {
                    return pub;
                }
            }
            throw new IllegalStateException("no public point matches the private key");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("EC P-256 is always available", e);
        }
    }

}
