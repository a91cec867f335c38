/** A 64-bit block cipher working in place on 8-byte blocks (DES, 3DES and RC2 all are). */
export interface BlockCipher {
  readonly blockBytes: 8;
  encryptBlock(block: Uint8Array): void;
  decryptBlock(block: Uint8Array): void;
}
