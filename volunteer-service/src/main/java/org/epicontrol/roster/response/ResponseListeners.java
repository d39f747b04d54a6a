package org.epicontrol.roster.response;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import org.epicontrol.roster.feed.AreaEvent;

import java.util.function.BiFunction;

/** Tells every {@link ResponseListener} bean of a response that opened or closed, one after the other. */
@ApplicationScoped
class ResponseListeners {

    private final Instance<ResponseListener> listeners;

    ResponseListeners(@Any Instance<ResponseListener> listeners) {
        this.listeners = listeners;
    }

    Uni<Void> opened(ResponseEntity response, AreaEvent event) {
        return tell(notice(response, event, "第" + event.noticeNumber() + "号通告：" + response.areaName + "列为"
                + response.levelCode + "，启动响应"), ResponseListener::opened);
    }

    Uni<Void> closed(ResponseEntity response, AreaEvent event) {
        return tell(notice(response, event, response.closeReason), ResponseListener::closed);
    }

    private Uni<Void> tell(ResponseNotice notice, BiFunction<ResponseListener, ResponseNotice, Uni<Void>> call) {
        Uni<Void> all = Uni.createFrom().voidItem();
        for (ResponseListener listener : listeners) {
            all = all.chain(() -> call.apply(listener, notice));
        }
        return all;
    }

    private static ResponseNotice notice(ResponseEntity r, AreaEvent event, String reason) {
        return new ResponseNotice(r.id, r.communityId, r.gridId, r.district, r.areaId, r.areaName, r.levelCode,
                event.noticeId(), event.noticeNumber(), event.effectiveDate(), reason);
    }
}
