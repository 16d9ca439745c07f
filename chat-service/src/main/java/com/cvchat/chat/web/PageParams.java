package com.cvchat.chat.web;

import com.cvchat.platform.web.ApiException;

/**
 * {@code page} (from 1, default 1) and {@code per_page} (1..100, default 20) of a listing. A page past the last one
 * is a 400; page 1 of an empty listing is fine.
 */
public record PageParams(int page, int perPage) {

    public static final int DEFAULT_PER_PAGE = 20;
    public static final int MAX_PER_PAGE = 100;

    public static PageParams of(Integer page, Integer perPage) {
        int p = page == null ? 1 : page;
        int pp = perPage == null ? DEFAULT_PER_PAGE : perPage;
        if (p < 1) {
            throw ApiException.badRequest("page must be 1 or more");
        }
        if (pp < 1 || pp > MAX_PER_PAGE) {
            throw ApiException.badRequest("per_page must be between 1 and " + MAX_PER_PAGE);
        }
        return new PageParams(p, pp);
    }

    public long skip() {
        return (long) (page - 1) * perPage;
    }

    /** Fails with a 400 when this page lies past the last page of {@code totalCount} items. */
    public void requireWithin(long totalCount) {
        long totalPages = Math.max(1, (totalCount + perPage - 1) / perPage);
        if (page > totalPages) {
            throw ApiException.badRequest("page " + page + " is out of range: there "
                    + (totalPages == 1 ? "is 1 page" : "are " + totalPages + " pages"));
        }
    }
}
