package dev.vigil.team;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Password hashes: Argon2id (Bouncy Castle's implementation) with OWASP's minimum settings
 * (19 MiB, 2 passes, 1 lane), stored in the PHC string format
 * ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}) so that the settings can be raised later
 * without invalidating stored hashes.
 */
public final class Passwords {
  /** Shorter passwords are refused. */
  public static final int MIN_LENGTH = 10;
  private static final int MAX_LENGTH = 1024; // hashing a megabyte password is a denial of service
  private static final int MEMORY_KIB = 19_456;
  private static final int PASSES = 2;
  private static final int LANES = 1;
  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getDecoder();
  // verified against when the user does not exist, so that the answer takes as long
  private static final String DUMMY = hash("not a password of anyone's");

  private Passwords() {}

  /** Refuses a password that is too short or too long, saying why. */
  public static void check(String password) {
    if (password.length() < MIN_LENGTH) {
      throw new IllegalArgumentException("the password needs at least " + MIN_LENGTH + " characters");
    }
    if (password.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("the password is longer than " + MAX_LENGTH + " characters");
    }
  }

  /** A new hash of {@code password} with a fresh random salt. */
  public static String hash(String password) {
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    byte[] h = argon2(password, salt, MEMORY_KIB, PASSES, LANES, HASH_BYTES);
    return "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + PASSES + ",p=" + LANES + "$"
        + B64.encodeToString(salt) + "$" + B64.encodeToString(h);
  }

  /** Whether {@code password} matches {@code stored}; false for a malformed hash. */
  public static boolean verify(String password, String stored) {
    if (password.length() > MAX_LENGTH) {
      return false;
    }
    String[] p = stored.split("\\$");
    if (p.length != 6 || !p[1].equals("argon2id") || !p[2].equals("v=19")) {
      return false;
    }
    try {
      int m = 0;
      int t = 0;
      int lanes = 0;
      for (String kv : p[3].split(",")) {
        int v = Integer.parseInt(kv.substring(2));
        switch (kv.substring(0, 2)) {
          case "m=" -> m = v;
          case "t=" -> t = v;
          case "p=" -> lanes = v;
          default -> {
            return false;
          }
        }
      }
      byte[] salt = B64D.decode(p[4]);
      byte[] expected = B64D.decode(p[5]);
      return MessageDigest.isEqual(expected, argon2(password, salt, m, t, lanes, expected.length));
    } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
      return false;
    }
  }

  /** Spends the time of one verification, for a login of a user that does not exist. */
  public static void verifyNobody(String password) {
    verify(password, DUMMY);
  }

  private static byte[] argon2(String password, byte[] salt, int memoryKib, int passes, int lanes,
      int length) {
    Argon2BytesGenerator g = new Argon2BytesGenerator();
    g.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
        .withVersion(Argon2Parameters.ARGON2_VERSION_13)
        .withSalt(salt).withMemoryAsKB(memoryKib).withIterations(passes).withParallelism(lanes)
        .build());
    byte[] out = new byte[length];
    g.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
    return out;
  }
}
