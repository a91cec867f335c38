/**
 * Java 17 reading a "key and chain in one file" PEM the way Cassandra's PEMBasedSslContextFactory
 * does (PEMReader: the first PRIVATE KEY block, decrypted through EncryptedPrivateKeyInfo and
 * SecretKeyFactory.getInstance(epki.getAlgName()) when a password is given, then KeyFactory RSA /
 * EC / DSA in turn; every CERTIFICATE block through CertificateFactory X.509), then checking
 * that the key signs for the first certificate. For tests only.
 */
import { run, withFiles } from '../../../test/judges/index.ts';

const JAVA_SOURCE = `
import java.nio.file.*;
import java.security.*;
import java.security.cert.*;
import java.security.spec.*;
import java.util.*;
import java.util.regex.*;
import javax.crypto.*;
import javax.crypto.spec.*;

public class PemJudge {
  public static void main(String[] args) throws Exception {
    String pem = Files.readString(Path.of(args[0]));
    String password = args.length > 1 ? Files.readString(Path.of(args[1])) : null;
    Matcher km = Pattern.compile("-+BEGIN\\\\s+.*PRIVATE\\\\s+KEY[^-]*-+\\\\s+([A-Za-z0-9+/=\\\\s]+)-+END\\\\s+.*PRIVATE\\\\s+KEY[^-]*-+").matcher(pem);
    if (!km.find()) throw new GeneralSecurityException("no private key");
    byte[] der = Base64.getMimeDecoder().decode(km.group(1));
    PKCS8EncodedKeySpec spec;
    if (password != null) {
      EncryptedPrivateKeyInfo epki = new EncryptedPrivateKeyInfo(der);
      Key k = SecretKeyFactory.getInstance(epki.getAlgName()).generateSecret(new PBEKeySpec(password.toCharArray()));
      Cipher c = Cipher.getInstance(epki.getAlgName());
      c.init(Cipher.DECRYPT_MODE, k, epki.getAlgParameters());
      spec = new PKCS8EncodedKeySpec(c.doFinal(epki.getEncryptedData()));
    } else {
      spec = new PKCS8EncodedKeySpec(der);
    }
    PrivateKey key = null;
    for (String alg : new String[] { "RSA", "EC", "DSA" }) {
      try { key = KeyFactory.getInstance(alg).generatePrivate(spec); break; } catch (Exception e) { }
    }
    if (key == null) throw new GeneralSecurityException("key not loadable as RSA, EC or DSA");
    List<X509Certificate> certs = new ArrayList<>();
    Matcher cm = Pattern.compile("-+BEGIN\\\\s+.*CERTIFICATE[^-]*-+\\\\s+([A-Za-z0-9+/=\\\\s]+)-+END\\\\s+.*CERTIFICATE[^-]*-+").matcher(pem);
    CertificateFactory cf = CertificateFactory.getInstance("X.509");
    while (cm.find()) certs.add((X509Certificate) cf.generateCertificate(new java.io.ByteArrayInputStream(Base64.getMimeDecoder().decode(cm.group(1)))));
    String sigAlg = key.getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
    Signature s = Signature.getInstance(sigAlg);
    s.initSign(key);
    s.update(new byte[] { 1, 2, 3 });
    byte[] sig = s.sign();
    s.initVerify(certs.get(0).getPublicKey());
    s.update(new byte[] { 1, 2, 3 });
    System.out.println("key=" + key.getAlgorithm() + " certs=" + certs.size() + " matches=" + s.verify(sig));
  }
}
`;

export interface JavaPemVerdict {
  ok: boolean;
  output: string;
}

/** Run the judge on a PEM text (with the key password if the key is encrypted). */
export function javaReadKeyAndChainPem(pem: string, password?: string): Promise<JavaPemVerdict> {
  const files: Record<string, string> = { 'PemJudge.java': JAVA_SOURCE, 'bundle.pem': pem };
  if (password !== undefined) files.pw = password;
  return withFiles(files, (_d, p) => {
    const r = run('java', [p('PemJudge.java'), p('bundle.pem'), ...(password === undefined ? [] : [p('pw')])], {
      timeoutMs: 60_000,
    });
    return { ok: r.status === 0, output: `${r.stdout}${r.stderr}`.trim() };
  });
}
