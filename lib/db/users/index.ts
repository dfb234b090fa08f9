export { changeOwnPassword } from "./change-password";
export { inviteUser } from "./invite-user";
export { listUsers } from "./list-users";
export { changeUserRole, setUserActive } from "./update-user";
export type { UserSummary } from "./user-summary";
