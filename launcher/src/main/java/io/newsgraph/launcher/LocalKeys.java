package io.newsgraph.launcher;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
import java.util.List;
import java.util.UUID;

/**
 * The keys of the local suite, made once in {@code keys/} under the state directory (owner-only files) and reused on
 * every later run: the local token issuer's RSA pair (standing in for an organisation's identity provider: the
 * services verify its tokens, {@code ./newsgraph token} signs them) and the outbox relay's own pair. Nothing here is
 * ever printed or logged; only tokens leave, on request.
 */
public final class LocalKeys {

    /** {@code iss} of local tokens ({@code MP_JWT_VERIFY_ISSUER}). */
    public static final String ISSUER = "newsgraph-local";
    /** {@code aud} of local tokens ({@code MP_JWT_VERIFY_AUDIENCES}). */
    public static final String AUDIENCE = "newsgraph";

    static final String DIR = "keys";

    private final Path dir;
    private final KeyPair issuer;
    private final KeyPair relay;

    private LocalKeys(Path dir, KeyPair issuer, KeyPair relay) {
        this.dir = dir;
        this.issuer = issuer;
        this.relay = relay;
    }

    /** Reads the keys from {@code stateDir}, making any pair that is missing. */
    public static LocalKeys loadOrCreate(Path stateDir) {
        Path dir = stateDir.resolve(DIR);
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            return new LocalKeys(dir, pair(dir, "issuer"), pair(dir, "relay"));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read or write the keys in " + dir, e);
        }
    }

    /** The issuer's public key file, for {@code MP_JWT_VERIFY_PUBLICKEY_LOCATION}. */
    public Path issuerPublicKey() {
        return dir.resolve("issuer-public.pem");
    }

    /** For articles-service's {@code NEWSGRAPH_ARTICLES_RELAY_SIGNING_KEY}. */
    public String relayPrivateKeyPem() {
        return pem("PRIVATE KEY", relay.getPrivate().getEncoded());
    }

    /** For entities-service's {@code NEWSGRAPH_ENTITIES_RELAY_KEY}. */
    public String relayPublicKeyPem() {
        return pem("PUBLIC KEY", relay.getPublic().getEncoded());
    }

    public KeyPair issuerKeys() {
        return issuer;
    }

    public KeyPair relayKeys() {
        return relay;
    }

    /** An RS256 token of the local issuer for {@code subject}, granting {@code roles}, valid for {@code ttl}. */
    public String token(String subject, Duration ttl, List<String> roles) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setAudience(AUDIENCE);
        claims.setSubject(subject);
        claims.setJwtId(UUID.randomUUID().toString());
        Instant now = Instant.now();
        claims.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(now.plus(ttl).getEpochSecond()));
        claims.setStringListClaim("groups", roles);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(issuer.getPrivate());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("could not sign a token", e);
        }
    }

    private static KeyPair pair(Path dir, String name) throws IOException {
        Path privateFile = dir.resolve(name + "-private.pem");
        Path publicFile = dir.resolve(name + "-public.pem");
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            if (Files.exists(privateFile) && Files.exists(publicFile)) {
                return new KeyPair(rsa.generatePublic(new X509EncodedKeySpec(der(Files.readString(publicFile)))),
                        rsa.generatePrivate(new PKCS8EncodedKeySpec(der(Files.readString(privateFile)))));
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair made = generator.generateKeyPair();
            write(privateFile, pem("PRIVATE KEY", made.getPrivate().getEncoded()));
            write(publicFile, pem("PUBLIC KEY", made.getPublic().getEncoded()));
            return made;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new LaunchException("the keys in " + dir + " are not readable RSA PEM files; delete that directory to make new ones");
        }
    }

    /** Owner-only from the first byte: the file is created with mode 600, then written. */
    private static void write(Path file, String content) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, content);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] der(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").strip());
    }

    /** Keeps keys out of any accidental log line or exception message. */
    @Override
    public String toString() {
        return "LocalKeys[" + dir + "]";
    }
}
