package com.cvchat.chat.web;

/**
 * The spec's {@code pagination} block. {@code next} / {@code prev} are the neighbouring page numbers, or null at
 * either end.
 */
public record Pagination(int page, int perPage, long totalCount, int totalPages, Integer next, Integer prev) {

    public static Pagination of(PageParams params, long totalCount) {
        int totalPages = (int) ((totalCount + params.perPage() - 1) / params.perPage());
        int page = params.page();
        return new Pagination(page, params.perPage(), totalCount, totalPages,
                page < totalPages ? page + 1 : null, page > 1 ? page - 1 : null);
    }
}
