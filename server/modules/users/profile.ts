// Moved: the profile's rules to contract/users.ts, the change to users.service.ts. Importers move
// there too, then this file goes (issue 9).
export { profileFields } from '../../../contract/users';
export { updateProfile, type ProfileChange } from './users.service';
