import { hasRole, Role, type CallerIdentity } from '@mestres/auth';

/**
 * Who may teach a course's content and see its rosters: admins, and the instructor the
 * course is assigned to (who must still hold the INSTRUCTOR role).
 */
export function canTeach(caller: CallerIdentity | null | undefined, course: { instructorId: string | null }): boolean {
  if (!caller) return false;
  if (hasRole(caller, Role.ADMIN)) return true;
  return hasRole(caller, Role.INSTRUCTOR) && course.instructorId === caller.userId;
}
