/**
 * Test-only: python cryptography 48 as a second reader of the legacy matrix. One python3 process
 * opens every file (pkcs12.load_key_and_certificates, serialization.load_der_private_key) and
 * returns the PKCS#8 key and certificates it finds as DER, or the error it gave.
 */
import { run } from '../../../test/judges/index.ts';

export interface PythonReading {
  ok: boolean;
  key?: string;
  certs?: string[];
  error?: string;
}

const SCRIPT = `
import base64, json, sys
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.serialization import pkcs12
out = []
for f in json.load(sys.stdin):
    data = base64.b64decode(f['bytes'])
    password = f['password'].encode('utf-8')
    try:
        if f['container'] == 'pkcs12':
            key, cert, extra = pkcs12.load_key_and_certificates(data, password)
            certs = ([cert] if cert else []) + list(extra)
        else:
            key, certs = serialization.load_der_private_key(data, password), []
        der = key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
        out.append({'ok': True, 'key': der.hex(), 'certs': [c.public_bytes(serialization.Encoding.DER).hex() for c in certs]})
    except Exception as e:
        out.append({'ok': False, 'error': f'{type(e).__name__}: {e}'})
json.dump(out, sys.stdout)
`;

/** Read each file with python cryptography; results in order. */
export function pythonReadAll(
  files: Array<{ container: 'pkcs12' | 'pkcs8'; bytes: Uint8Array; password: string }>,
): PythonReading[] {
  const input = JSON.stringify(
    files.map((f) => ({
      container: f.container,
      bytes: Buffer.from(f.bytes).toString('base64'),
      password: f.password,
    })),
  );
  const r = run('python3', ['-c', SCRIPT], { input, timeoutMs: 300_000 });
  if (r.status !== 0)
    throw new Error(`python3 with cryptography could not run (pip install cryptography): ${r.stderr}`);
  return JSON.parse(r.stdout) as PythonReading[];
}
