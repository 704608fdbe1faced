/**
 * Passwords long enough to pass the length rule but among the most used in public breach
 * corpora (the SecLists "most common" lists, MIT). NIST SP 800-63B asks verifiers to refuse such
 * passwords; a short list catches the bulk, since breach frequency falls off steeply. Compared
 * case-insensitively. Shorter favourites ("123456", "qwerty") are already refused by length.
 */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  'password', 'password1', 'password12', 'password123', 'password1234', 'passw0rd', 'p@ssw0rd', 'p@ssword',
  'pa55word', 'passwort', 'motdepasse', 'contrasena', 'contraseña', 'senha123', 'wachtwoord',
  '12345678', '123456789', '1234567890', '12345678910', '123123123', '123456789a', '1234567a', '12341234',
  '11111111', '111111111', '1111111111', '00000000', '000000000', '0000000000', '87654321', '987654321',
  '88888888', '66666666', '99999999', '12121212', '11223344', '12344321', '147258369', '159753456',
  '123654789', '789456123', '741852963', '147852369', '123321123', '1q2w3e4r', '1q2w3e4r5t', '1q2w3e4r5t6y',
  '1qaz2wsx', '1qaz2wsx3edc', 'zaq12wsx', 'zaq1zaq1', 'qwertyui', 'qwertyuiop', 'qwerty123', 'qwerty1234',
  'qwerty12', 'qwer1234', '1234qwer', 'q1w2e3r4', 'q1w2e3r4t5', 'qazwsxedc', 'qweasdzxc', '123qweasd',
  '123qweasdzxc', 'asdfghjk', 'asdfghjkl', 'asdfasdf', 'asdf1234', 'zxcvbnm1', 'zxcvbnm123', 'zxcvbnma',
  'azertyuiop', 'azerty123', 'qwertzui', 'abcd1234', '1234abcd', 'a1b2c3d4', 'abc12345', 'abcdefgh',
  'abcdefg1', 'abc123456', 'iloveyou', 'iloveyou1', 'iloveyou2', 'loveyou1', 'sunshine', 'sunshine1',
  'princess', 'princess1', 'football', 'football1', 'baseball', 'baseball1', 'basketball', 'soccer12',
  'superman', 'batman123', 'starwars', 'whatever', 'trustno1', 'letmein1', 'letmein123', 'welcome1',
  'welcome123', 'welcome2', 'changeme', 'changeme1', 'admin123', 'admin1234', 'administrator', 'root1234',
  'master12', 'master123', 'shadow12', 'dragon12', 'monkey12', 'monkey123', 'michael1', 'charlie1',
  'jennifer', 'michelle', 'jessica1', 'jordan23', 'computer', 'internet', 'corvette', 'mercedes',
  'samsung1', 'pokemon1', 'liverpool', 'chelsea1', 'arsenal1', 'manchester', 'barcelona', 'scooter1',
  'hello123', 'hellohello', 'freedom1', 'whatever1', 'qwerty11', 'access14', 'mustang1', 'killer12',
  'google123', 'facebook', 'linkedin', 'myspace1', 'secret12', 'secret123', 'default1', 'test1234',
  'testtest', 'test12345', 'guest123', 'user1234', 'login123', 'summer12', 'summer2024', 'summer2025',
  'winter12', 'spring2025', 'autumn2025', 'january1', 'december', 'september', 'november', 'midnight',
  'butterfly', 'chocolate', 'starlight', 'superstar', 'rainbow1', 'blink182', 'metallica', 'slipknot',
  'nirvana1', 'pakistan', 'bangladesh', 'india123', 'indonesia', 'australia', 'qwerty7890',
]);

export function isCommonPassword(password: string): boolean {
  return COMMON_PASSWORDS.has(password.trim().toLowerCase());
}
