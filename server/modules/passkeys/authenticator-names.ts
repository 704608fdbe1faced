/**
 * A name for a new passkey: the authenticator's product from its AAGUID where it is one of the
 * common ones (after the community list at github.com/passkeydeveloper/passkey-authenticator-aaguids),
 * else none — the elements then show a generic "Passkey" in the reader's language rather than a
 * name the server would have to make up in its own. The user can rename it afterwards.
 */

const KNOWN_AAGUIDS: Record<string, string> = {
  'fbfc3007-154e-4ecc-8c0b-6e020557d7bd': 'iCloud Keychain',
  'dd4ec289-e01d-41c9-bb89-70fa845d4bf2': 'iCloud Keychain (managed)',
  'ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4': 'Google Password Manager',
  // The list says "Chrome on Mac" and "Edge on Mac"; the words between products are kept out, as
  // they would be English in every language.
  'adce0002-35bc-c60a-648b-0b25f1f05503': 'Chrome (macOS)',
  '08987058-cadc-4b81-b6e1-30de50dcbe96': 'Windows Hello',
  '9ddd1817-af5a-4672-a2b9-3e3dd95000a9': 'Windows Hello',
  '6028b017-b1d4-4c02-b4b3-afcdafc96bb2': 'Windows Hello',
  '771b48fd-d3d4-4f74-9232-fc157ab0507a': 'Edge (macOS)',
  'bada5566-a7aa-401f-bd96-45619a55120d': '1Password',
  'd548826e-79b4-db40-a3d8-11116f7e8349': 'Bitwarden',
  '531126d6-e717-415c-9320-3d9aa6981239': 'Dashlane',
  '53414d53-554e-4700-0000-000000000000': 'Samsung Pass',
  '0ea242b4-43c4-4a1b-8b17-dd6d0b6baec6': 'KeePassXC',
  'cb69481e-8ff7-4039-93ec-0a2729a154a8': 'YubiKey 5',
  'ee882879-721c-4913-9775-3dfcce97072a': 'YubiKey 5 NFC',
  'fa2b99dc-9e39-4257-8f92-4a30d23c4118': 'YubiKey 5 NFC',
};

/** The authenticator's product name, or null when its AAGUID is not a known product (or is all zeros, as with `attestation: none` on some platforms). */
export function passkeyName(aaguid: string): string | null {
  return KNOWN_AAGUIDS[aaguid.toLowerCase()] ?? null;
}
