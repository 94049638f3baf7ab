import type { CoachDTO } from '@coachhub/shared/coach';
import type { ConversationDTO, ConversationParticipantDTO } from '@coachhub/shared/conversation';
import type { UserDTO } from '@coachhub/shared/user';

/** What an avatar needs; a person who is not a coach has no coach picture. */
export type AvatarPerson = Pick<
  CoachDTO,
  'firstName' | 'lastName' | 'profilePicture' | 'coachProfilePicture'
>;

export interface Person {
  id: string;
  name: string;
  avatar: AvatarPerson;
  isCoach: boolean;
}

export const personOf = (participant: ConversationParticipantDTO): Person => {
  if (participant.kind === 'coach') {
    const { coach } = participant;
    return {
      id: coach._id,
      name: `${coach.firstName} ${coach.lastName}`,
      avatar: coach,
      isCoach: true,
    };
  }
  const { user } = participant;
  return {
    id: user._id,
    name: `${user.firstName} ${user.lastName}`,
    avatar: { ...user, coachProfilePicture: null },
    isCoach: user.role === 'coach',
  };
};

/** The one other person (support conversations may have none: the admins answer). */
export const partnerOf = (conversation: ConversationDTO): Person | null => {
  const [first] = conversation.others;
  return first ? personOf(first) : null;
};

/**
 * Who proposes sessions in this conversation: only a coach with a client (direct or booking).
 * Null when proposals do not apply.
 */
export const proposalCoach = (
  conversation: ConversationDTO,
  viewer: UserDTO,
): { coachId: string; coachName: string; viewerIsCoach: boolean } | null => {
  const partner = partnerOf(conversation);
  if (conversation.kind === 'support' || !partner || conversation.others.length !== 1) return null;
  const viewerIsCoach = viewer.role === 'coach';
  if (viewerIsCoach === partner.isCoach) return null;
  return viewerIsCoach
    ? { coachId: viewer._id, coachName: `${viewer.firstName} ${viewer.lastName}`, viewerIsCoach }
    : { coachId: partner.id, coachName: partner.name, viewerIsCoach };
};

/** Whom the reads of others count: everyone but the viewer. */
export const readByOthers = (
  conversation: ConversationDTO,
  viewerId: string,
  createdAt: string,
): boolean =>
  conversation.reads.some((read) => read.userId !== viewerId && read.readAt >= createdAt);
