package org.epicontrol.notice.common;

public record PageInfo(boolean hasNextPage, String endCursor) {
}
