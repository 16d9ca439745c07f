package com.cvchat.auth.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.text.ParseException;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;

/** Reading and writing signing keys: JWK JSON ({@code <kid>.json}) or PKCS#8 PEM (kid = the key's thumbprint). */
final class SigningKeyFiles {

    private SigningKeyFiles() {
    }

    static List<RSAKey> load(Path dir) {
        try (Stream<Path> files = SigningKeys.files(dir)) {
            return files.filter(f -> f.toString().endsWith(".json") || f.toString().endsWith(".pem"))
                    .sorted()
                    .map(SigningKeyFiles::read)
                    .toList();
        }
    }

    static void write(Path dir, RSAKey key) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(key.getKeyID() + ".json");
            Path tmp = Files.createTempFile(dir, ".key", ".tmp");
            restrict(tmp);
            Files.writeString(tmp, key.toJSONString(), StandardCharsets.UTF_8);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the signing key into " + dir, e);
        }
    }

    static void delete(Path dir, RSAKey key) {
        try {
            Files.deleteIfExists(dir.resolve(key.getKeyID() + ".json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the folder's own protection applies
        }
    }

    private static RSAKey read(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            RSAKey key = file.toString().endsWith(".pem") ? fromPem(text, file) : RSAKey.parse(text);
            if (!key.isPrivate()) {
                throw new IllegalStateException("Signing key file " + file + " holds no private key");
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException | GeneralSecurityException | JOSEException | IllegalArgumentException e) {
            throw new IllegalStateException("Signing key file " + file + " is not a valid RSA JWK or PKCS#8 PEM key");
        }
    }

    private static RSAKey fromPem(String pem, Path file) throws GeneralSecurityException, JOSEException, IOException {
        String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        KeyFactory factory = KeyFactory.getInstance("RSA");
        RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) factory.generatePrivate(
                new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        RSAPublicKey publicKey = (RSAPublicKey) factory.generatePublic(
                new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
        RSAKey key = new RSAKey.Builder(publicKey).privateKey(privateKey).keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256)
                .issueTime(Date.from(Files.getLastModifiedTime(file).toInstant()))
                .build();
        return new RSAKey.Builder(key).keyIDFromThumbprint().build();
    }
}
