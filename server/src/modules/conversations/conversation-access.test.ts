import { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { JoinedConversations } from './conversation-access.js';
import type { ConversationRecord } from './conversation.model.js';

const me = new Types.ObjectId();
const other = new Types.ObjectId();

const conversation = (reads: ConversationRecord['reads']): ConversationRecord => ({
  _id: new Types.ObjectId(),
  kind: 'direct',
  key: `direct:${[me, other].map(String).sort().join(':')}`,
  participants: [me, other],
  booking: null,
  reads,
  lastActivityAt: new Date('2026-12-02T08:00:00Z'),
  createdAt: new Date('2026-12-01T08:00:00Z'),
});

describe('JoinedConversations', () => {
  it('remembers what a send uses of a joined conversation: its audience and the own read mark', () => {
    const joined = new JoinedConversations(me.toString());
    const mine = { user: me, readAt: new Date('2026-12-02T07:00:00Z') };
    const theirs = { user: other, readAt: new Date('2026-12-02T07:30:00Z') };
    const record = conversation([theirs, mine]);
    joined.remember(record);

    expect(joined.get(record._id.toString())).toEqual({
      _id: record._id,
      kind: 'direct',
      participants: [me, other],
      reads: [mine],
    });
  });

  it('remembers no own mark when only the others have read', () => {
    const joined = new JoinedConversations(me.toString());
    const record = conversation([{ user: other, readAt: new Date() }]);
    joined.remember(record);
    expect(joined.get(record._id.toString())?.reads).toEqual([]);
  });

  it('remembers nothing of a conversation the user does not take part in', () => {
    const joined = new JoinedConversations(new Types.ObjectId().toString());
    const record = conversation([]);
    joined.remember(record);
    expect(joined.get(record._id.toString())).toBeUndefined();
  });
});
