import { ObjectId } from 'bson';

/**
 * A direct conversation between a new coach and client, shaped as the product stores it, so
 * the engine benches update and read what the chat really writes.
 */
export function directConversation(at: Date) {
  const coach = new ObjectId();
  const client = new ObjectId();
  return {
    _id: new ObjectId(),
    kind: 'direct',
    key: `direct:${coach.toHexString()}:${client.toHexString()}`,
    participants: [coach, client],
    booking: null,
    reads: [
      { user: coach, readAt: at },
      { user: client, readAt: at },
    ],
    lastActivityAt: at,
    createdAt: at,
    __v: 0,
  };
}
