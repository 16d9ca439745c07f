package com.cvchat.cvbuilder.session;

import com.cvchat.events.EventEnvelope;
import com.cvchat.events.conversation.ConversationEvent;
import com.cvchat.events.conversation.CvDataUpdated;
import com.cvchat.events.conversation.CvMessageAdded;
import com.cvchat.events.conversation.CvSessionFinalized;
import com.cvchat.events.conversation.CvSessionStarted;
import com.cvchat.events.conversation.TitleSet;
import com.cvchat.platform.test.cv.CvDataMother;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class SessionStateTest {

    private static final Instant T0 = Instant.parse("2025-11-15T20:58:14.954Z");

    private static EventEnvelope<ConversationEvent> at(int seconds, ConversationEvent event) {
        return EventEnvelope.of("s1", "u1", "c1", event, T0.plusSeconds(seconds));
    }

    private static List<EventEnvelope<ConversationEvent>> sessionLog() {
        return List.of(
                at(0, new CvSessionStarted("cv")),
                at(0, new CvMessageAdded("m1", "user", "Hi! I am Sarah Johnson")),
                at(1, new CvDataUpdated(CvDataMother.nameAndTitle(), CvDataMother.nameAndTitle(), 16, List.of())),
                at(1, new CvMessageAdded("m2", "model", "Great to meet you, Sarah!")),
                at(60, new CvMessageAdded("m3", "user", "My email is sarah@datatech.com")),
                at(61, new CvDataUpdated(CvDataMother.personalInfo(), CvDataMother.personalInfo(), 33, List.of("personal_info"))),
                at(61, new CvMessageAdded("m4", "model", "Perfect!")),
                at(90, new CvSessionFinalized("d1", 1, "My cv", "default")));
    }

    private static SessionState replay(List<EventEnvelope<ConversationEvent>> log) {
        SessionState state = SessionState.empty("s1");
        for (EventEnvelope<ConversationEvent> event : log) {
            state = state.apply(event);
        }
        return state;
    }

    @Test
    void shouldBuildTheSessionFromItsEvents() {
        SessionState state = replay(sessionLog());
        assertThat(state.docType()).isEqualTo("cv");
        assertThat(state.userId()).isEqualTo("u1");
        assertThat(state.status()).isEqualTo(SessionState.COMPLETED);
        assertThat(state.history()).extracting(HistoryMessage::messageId).containsExactly("m1", "m2", "m3", "m4");
        assertThat(state.data()).isEqualTo(CvDataMother.personalInfo());
        assertThat(state.progress()).isEqualTo(33);
        assertThat(state.createdAt()).isEqualTo(T0);
        assertThat(state.updatedAt()).isEqualTo(T0.plusSeconds(90));
        assertThat(state.documentId()).isEqualTo("d1");
    }

    @Test
    void shouldChangeNothingWhenAnEventIsAppliedAgain() {
        SessionState once = replay(sessionLog());
        for (EventEnvelope<ConversationEvent> event : sessionLog()) {
            assertThat(once.apply(event)).isNotSameAs(once);
        }
        List<EventEnvelope<ConversationEvent>> log = sessionLog();
        SessionState state = replay(log);
        for (EventEnvelope<ConversationEvent> event : log) {
            assertThat(state.apply(event)).isSameAs(state);
        }
    }

    @Test
    void shouldReachTheSameStateWhateverTheOrder() {
        List<EventEnvelope<ConversationEvent>> log = sessionLog();
        SessionState inOrder = replay(log);
        Random random = new Random(42);
        for (int i = 0; i < 20; i++) {
            List<EventEnvelope<ConversationEvent>> shuffled = new ArrayList<>(log);
            Collections.shuffle(shuffled, random);
            assertThat(replay(shuffled)).usingRecursiveComparison().isEqualTo(inOrder);
        }
    }

    @Test
    void shouldIgnoreEventsOfOtherAggregates() {
        SessionState state = replay(sessionLog());
        assertThat(state.apply(at(100, new TitleSet("A title", false)))).isSameAs(state);
    }
}
