package org.epicontrol.roster.response;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A listener as the alerts will be: records what it was told ("opened:<id>", "closed:<id>"). */
@ApplicationScoped
public class RecordingListener implements ResponseListener {

    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final List<ResponseNotice> notices = new CopyOnWriteArrayList<>();

    @Override
    public Uni<Void> opened(ResponseNotice response) {
        calls.add("opened:" + response.responseId());
        notices.add(response);
        return Uni.createFrom().voidItem();
    }

    @Override
    public Uni<Void> closed(ResponseNotice response) {
        calls.add("closed:" + response.responseId());
        notices.add(response);
        return Uni.createFrom().voidItem();
    }

    long count(String change, String responseId) {
        return calls.stream().filter((change + ":" + responseId)::equals).count();
    }

    List<ResponseNotice> noticesOf(String responseId) {
        return notices.stream().filter(n -> String.valueOf(n.responseId()).equals(responseId)).toList();
    }
}
