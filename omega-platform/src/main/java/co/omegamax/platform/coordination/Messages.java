package co.omegamax.platform.coordination;

import co.omegamax.platform.coordination.internal.Attrs;
import co.omegamax.platform.coordination.internal.Scoped;
import co.omegamax.platform.spi.InvalidInputException;
import co.omegamax.platform.spi.Message;
import co.omegamax.platform.spi.MessageInput;
import co.omegamax.platform.spi.Session;
import co.omegamax.platform.spi.SessionInput;
import co.omegamax.platform.spi.Validate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Messages between sessions. A message is stored in the <em>receiving</em> session ({@code Message.sessionId}),
 * with the sending session id as {@code sender} and the receiver as {@code recipient}; a broadcast is stored once
 * per live receiving session with {@code recipient} null. What a session has read is a cursor in its metadata
 * ({@code inbox_read_at} plus the ids read at that instant), so every message is returned once.
 */
public final class Messages {
    /** Most messages one inbox call returns. */
    public static final int MAX_INBOX = 200;

    private final Scoped scoped;
    private final Sessions sessions;

    Messages(Scoped scoped, Sessions sessions) {
        this.scoped = scoped;
        this.sessions = sessions;
    }

    /**
     * Sends a message.
     *
     * @param toSessionId receiving session of the scope, or null to broadcast to every other live session
     * @throws co.omegamax.platform.spi.NotFoundException if the receiving session is not in the scope
     */
    public SendResult send(String fromSessionId, String toSessionId, String content) {
        Session from = sessions.requireOpen(fromSessionId);
        String text = Validate.content("content", content, Validate.MAX_CONTENT_LENGTH);
        List<Session> to = new ArrayList<>();
        if (toSessionId != null) {
            Session target = scoped.requireSession(Validate.id("to_session_id", toSessionId));
            if (target.id().equals(from.id())) {
                throw new InvalidInputException("to_session_id", "is the sending session; name another session");
            }
            to.add(target);
        } else {
            for (Session s : sessions.live()) {
                if (!s.id().equals(from.id())) {
                    to.add(s);
                }
            }
        }
        Instant now = scoped.now();
        List<String> ids = new ArrayList<>();
        List<String> recipients = new ArrayList<>();
        for (Session target : to) {
            Message m = scoped.record(new MessageInput("m-" + UUID.randomUUID(), target.id(), from.id(),
                    toSessionId == null ? null : target.id(), text, now));
            ids.add(m.id());
            recipients.add(target.id());
        }
        return new SendResult(ids, recipients);
    }

    /**
     * Returns the session's messages, oldest first.
     *
     * @param includeRead also messages returned by earlier calls
     * @param markRead    remember the returned messages as read
     * @param limit       1..{@value #MAX_INBOX}
     */
    public Inbox inbox(String sessionId, boolean includeRead, boolean markRead, int limit) {
        if (limit < 1 || limit > MAX_INBOX) {
            throw new InvalidInputException("limit", "must be between 1 and " + MAX_INBOX + ", was " + limit);
        }
        Session s = sessions.requireOpen(sessionId);
        Instant readAt = Attrs.instant(s.metadata(), Sessions.INBOX_READ_AT, null);
        Set<String> readIds = new HashSet<>(Attrs.strings(s.metadata(), Sessions.INBOX_READ_IDS));
        List<Message> candidates = new ArrayList<>();
        for (Message m : scoped.messages(s.id())) {
            boolean read = readAt != null && (m.createdAt().isBefore(readAt)
                    || (m.createdAt().equals(readAt) && readIds.contains(m.id())));
            if (includeRead || !read) {
                candidates.add(m);
            }
        }
        List<Message> page = candidates.subList(0, Math.min(limit, candidates.size()));
        Map<String, String> names = new HashMap<>();
        scoped.sessions().forEach(x -> names.put(x.id(), x.agentName()));
        List<MessageInfo> out = new ArrayList<>();
        for (Message m : page) {
            out.add(new MessageInfo(m.id(), m.sender(), names.get(m.sender()), m.sessionId(), m.recipient() == null,
                    m.content(), m.createdAt()));
        }
        if (markRead && !page.isEmpty()) {
            advanceCursor(s, page, readAt, readIds);
        }
        int remaining = 0;
        for (Message m : candidates.subList(page.size(), candidates.size())) {
            if (readAt == null || m.createdAt().isAfter(readAt)
                    || (m.createdAt().equals(readAt) && !readIds.contains(m.id()))) {
                remaining++;
            }
        }
        return new Inbox(s.id(), out, remaining);
    }

    private void advanceCursor(Session s, List<Message> page, Instant readAt, Set<String> readIds) {
        Instant newest = page.get(page.size() - 1).createdAt();
        if (readAt != null && newest.isBefore(readAt)) {
            return;
        }
        Set<String> idsAtNewest = new HashSet<>(newest.equals(readAt) ? readIds : Set.of());
        for (Message m : page) {
            if (m.createdAt().equals(newest)) {
                idsAtNewest.add(m.id());
            }
        }
        Map<String, Object> meta = Attrs.copyOf(s.metadata()).put(Sessions.INBOX_READ_AT, newest)
                .put(Sessions.INBOX_READ_IDS, new ArrayList<>(idsAtNewest)).build();
        scoped.record(new SessionInput(s.id(), s.workspaceId(), s.projectId(), s.agentName(), s.status(),
                s.startedAt(), s.endedAt(), meta));
    }
}
