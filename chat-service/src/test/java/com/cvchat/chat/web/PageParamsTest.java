package com.cvchat.chat.web;

import com.cvchat.platform.web.ApiException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageParamsTest {

    @Test
    void shouldDefaultToTheFirstPageOfTwenty() {
        assertThat(PageParams.of(null, null)).isEqualTo(new PageParams(1, 20));
    }

    @Test
    void shouldLinkNeighbouringPages() {
        assertThat(Pagination.of(new PageParams(2, 10), 25)).isEqualTo(new Pagination(2, 10, 25, 3, 3, 1));
        assertThat(Pagination.of(new PageParams(1, 20), 0)).isEqualTo(new Pagination(1, 20, 0, 0, null, null));
    }

    @Test
    void shouldRejectPagesOutsideTheListing() {
        assertThatThrownBy(() -> PageParams.of(0, 20)).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> PageParams.of(1, 101)).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> new PageParams(4, 10).requireWithin(25))
                .hasMessage("page 4 is out of range: there are 3 pages");
        new PageParams(1, 10).requireWithin(0);
    }
}
