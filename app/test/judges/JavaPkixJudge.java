/*
 * Java as a judge (JDK 17): for each chain, what a Java HTTPS client or mTLS server decides.
 *
 *  - pkix: CertPathValidator "PKIX" over leaf, intermediates (in the given order) and the anchor,
 *    revocation off, at the given date: RFC 5280 path validation as sun.security.provider.certpath
 *    implements it.
 *  - tls: the PKIX TrustManager (X509TrustManagerImpl + PKIXValidator), built from the same
 *    PKIXBuilderParameters (date set, revocation off), checkServerTrusted/checkClientTrusted with
 *    authType "UNKNOWN" (what a TLS 1.3 handshake passes): path building and validation, plus the
 *    TLS end-entity checks (keyUsage, extendedKeyUsage) and the jdk.certpath.disabledAlgorithms
 *    constraints.
 *  - host: HTTPS endpoint identification (RFC 2818), sun.security.util.HostnameChecker TYPE_TLS,
 *    the checker X509TrustManagerImpl.checkIdentity calls for "HTTPS". Only for server chains.
 *
 * Java has no JSON reader in the JDK, so the input is one chain per line, tab-separated:
 *   name  purpose(server|client)  host(or "-")  atEpochMillis  leafB64  intermediatesB64(comma-separated or "-")  anchorB64
 * The output is a JSON list of {name, pkix, tls, host, ok, reason}, ok = tls && host.
 *
 * Compile and run (HostnameChecker is not exported):
 *   javac --add-exports java.base/sun.security.util=ALL-UNNAMED -d OUT JavaPkixJudge.java
 *   java --add-exports java.base/sun.security.util=ALL-UNNAMED -cp OUT JavaPkixJudge chains.tsv
 */
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Set;
import javax.net.ssl.CertPathTrustManagerParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import sun.security.util.HostnameChecker;

public final class JavaPkixJudge {
  private static final CertificateFactory CF;

  static {
    try {
      CF = CertificateFactory.getInstance("X.509");
    } catch (Exception e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private static X509Certificate parse(String b64) throws Exception {
    return (X509Certificate) CF.generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(b64)));
  }

  private static String why(Throwable e) {
    StringBuilder sb = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (sb.length() > 0) sb.append(" <- ");
      sb.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
      if (t.getCause() == t) break;
    }
    return sb.toString();
  }

  private static String json(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') sb.append('\\').append(c);
      else if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
      else sb.append(c);
    }
    return sb.append('"').toString();
  }

  private static PKIXBuilderParameters params(X509Certificate anchor, Date at) throws Exception {
    PKIXBuilderParameters p = new PKIXBuilderParameters(Set.of(new TrustAnchor(anchor, null)), null);
    p.setRevocationEnabled(false);
    p.setDate(at);
    return p;
  }

  private static String judge(String line) {
    String[] f = line.split("\t", -1);
    String name = f[0];
    String purpose = f[1];
    String host = f[2];
    Date at = new Date(Long.parseLong(f[3]));
    String pkix = "ok";
    String tls = "ok";
    String hostResult = "ok";
    try {
      List<X509Certificate> chain = new ArrayList<>();
      chain.add(parse(f[4]));
      if (!f[5].equals("-")) for (String b : f[5].split(",")) chain.add(parse(b));
      X509Certificate anchor = parse(f[6]);

      try {
        CertPath path = CF.generateCertPath(chain);
        PKIXParameters p = params(anchor, at);
        CertPathValidator.getInstance("PKIX").validate(path, p);
      } catch (Exception e) {
        pkix = why(e);
      }

      try {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
        tmf.init(new CertPathTrustManagerParameters(params(anchor, at)));
        X509TrustManager tm = null;
        for (TrustManager t : tmf.getTrustManagers()) if (t instanceof X509TrustManager) tm = (X509TrustManager) t;
        X509Certificate[] arr = chain.toArray(new X509Certificate[0]);
        if (purpose.equals("client")) tm.checkClientTrusted(arr, "UNKNOWN");
        else tm.checkServerTrusted(arr, "UNKNOWN");
      } catch (Exception e) {
        tls = why(e);
      }

      if (purpose.equals("server") && !host.equals("-")) {
        try {
          HostnameChecker.getInstance(HostnameChecker.TYPE_TLS).match(host, chain.get(0));
        } catch (Exception e) {
          hostResult = why(e);
        }
      }
    } catch (Exception e) {
      pkix = tls = "parse: " + why(e);
    }
    boolean ok = tls.equals("ok") && hostResult.equals("ok");
    String reason = ok ? "ok" : !tls.equals("ok") ? tls : hostResult;
    return "{\"name\":" + json(name) + ",\"pkix\":" + json(pkix) + ",\"tls\":" + json(tls) + ",\"host\":" + json(hostResult)
        + ",\"ok\":" + ok + ",\"reason\":" + json(reason) + "}";
  }

  public static void main(String[] args) throws Exception {
    List<String> out = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
      if (!line.isEmpty()) out.add(judge(line));
    }
    System.out.println("[" + String.join(",\n", out) + "]");
  }
}
