package io.newsgraph.testing;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.lang.JoseException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A token issuer for tests: an RSA key pair made at test time (never committed) and RS256 tokens signed with it,
 * valid or broken in each way a verifier must catch.
 *
 * <p>{@link #shared()} is the issuer every {@code @QuarkusTest} trusts (see {@link TestTokensConfigSource}); its keys
 * live in a directory of the temporary folder named after the JVM, so every class loader of one test run finds the
 * same pair. {@link #relay()} is the outbox relay's own key pair, likewise.
 */
public final class TestTokens {

    public static final String ISSUER = "https://issuer.newsgraph.test";
    public static final String AUDIENCE = "newsgraph";

    private static TestTokens shared;
    private static TestTokens relay;

    private final KeyPair keys;
    private final String issuer;
    private final String audience;

    public TestTokens(KeyPair keys, String issuer, String audience) {
        this.keys = keys;
        this.issuer = issuer;
        this.audience = audience;
    }

    /** The issuer the services under test trust. */
    public static synchronized TestTokens shared() {
        if (shared == null) {
            shared = new TestTokens(keyPairIn(directory().resolve("issuer")), ISSUER, AUDIENCE);
        }
        return shared;
    }

    /** The relay's key pair (issuer {@code articles-service}, audience {@code entities-service}). */
    public static synchronized TestTokens relay() {
        if (relay == null) {
            relay = new TestTokens(keyPairIn(directory().resolve("relay")), "articles-service", "entities-service");
        }
        return relay;
    }

    /** A valid token granting {@code roles}, for an hour (longer than any test run). */
    public String token(String... roles) {
        return sign(claims(issuer, audience, Duration.ofHours(1), roles), keys.getPrivate());
    }

    public String expired(String... roles) {
        return sign(claims(issuer, audience, Duration.ofMinutes(-5), roles), keys.getPrivate());
    }

    public String wrongIssuer(String... roles) {
        return sign(claims(issuer + "/elsewhere", audience, Duration.ofMinutes(10), roles), keys.getPrivate());
    }

    public String wrongAudience(String... roles) {
        return sign(claims(issuer, audience + "-elsewhere", Duration.ofMinutes(10), roles), keys.getPrivate());
    }

    /** Right claims, signed by a key nobody trusts. */
    public String wrongSignature(String... roles) {
        return sign(claims(issuer, audience, Duration.ofMinutes(10), roles), generateKeyPair().getPrivate());
    }

    /** The claims of {@code token} if this issuer signed it for its audience and it is still valid; throws otherwise. */
    public JwtClaims verify(String token) {
        try {
            return new JwtConsumerBuilder().setVerificationKey(keys.getPublic()).setExpectedIssuer(issuer)
                    .setExpectedAudience(audience).setRequireExpirationTime().build().processToClaims(token);
        } catch (InvalidJwtException e) {
            throw new AssertionError("token not valid for " + issuer + ": " + e.getMessage());
        }
    }

    /** One token of each kind a verifier must refuse, by what is wrong with it, each granting {@code roles}. */
    public Map<String, String> invalid(String... roles) {
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("expired", expired(roles));
        tokens.put("wrong signature", wrongSignature(roles));
        tokens.put("wrong issuer", wrongIssuer(roles));
        tokens.put("wrong audience", wrongAudience(roles));
        tokens.put("not a JWT", "not-a-token");
        tokens.put("unsigned", "eyJhbGciOiJub25lIn0.e30.");
        return tokens;
    }

    public String publicKeyPem() {
        return pem("PUBLIC KEY", keys.getPublic().getEncoded());
    }

    public String privateKeyPem() {
        return pem("PRIVATE KEY", keys.getPrivate().getEncoded());
    }

    public static KeyPair generateKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key pair stored as {@code private.pem} / {@code public.pem} in {@code dir}, made there when absent. */
    public static synchronized KeyPair keyPairIn(Path dir) {
        Path privateFile = dir.resolve("private.pem");
        Path publicFile = dir.resolve("public.pem");
        try {
            if (!Files.exists(publicFile)) {
                KeyPair made = generateKeyPair();
                Files.createDirectories(dir);
                Path tmp = Files.createTempFile(dir, "keys", ".tmp");
                Files.writeString(tmp, pem("PRIVATE KEY", made.getPrivate().getEncoded()));
                Files.move(tmp, privateFile);
                Files.writeString(publicFile, pem("PUBLIC KEY", made.getPublic().getEncoded()));
                return made;
            }
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            PrivateKey privateKey = rsa.generatePrivate(new PKCS8EncodedKeySpec(der(Files.readString(privateFile))));
            PublicKey publicKey = rsa.generatePublic(new X509EncodedKeySpec(der(Files.readString(publicFile))));
            return new KeyPair(publicKey, privateKey);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where {@link #shared()} keeps its public key, for {@code mp.jwt.verify.publickey.location}. */
    public static Path sharedPublicKeyFile() {
        shared();
        return directory().resolve("issuer").resolve("public.pem");
    }

    private static Path directory() {
        return Path.of(System.getProperty("java.io.tmpdir"), "newsgraph-test-keys-" + ProcessHandle.current().pid());
    }

    private static JwtClaims claims(String issuer, String audience, Duration validFor, String... roles) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setAudience(audience);
        claims.setSubject("test-" + String.join("-", roles));
        claims.setJwtId(UUID.randomUUID().toString());
        Instant now = Instant.now();
        claims.setIssuedAt(NumericDate.fromSeconds(now.minus(Duration.ofMinutes(10)).getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(now.plus(validFor).getEpochSecond()));
        claims.setStringListClaim("groups", List.of(roles));
        return claims;
    }

    private static String sign(JwtClaims claims, PrivateKey key) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] der(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").strip());
    }
}
