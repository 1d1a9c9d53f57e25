package io.newsgraph.service.paging;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PageWindowTest {

    static final List<Integer> LIST = IntStream.range(0, 10).boxed().toList();

    static List<Integer> read(int from, int count) {
        return LIST.subList(Math.min(from, LIST.size()), Math.min(from + count, LIST.size()));
    }

    @Test
    void forwardFromTheStart() {
        PageWindow w = PageWindow.of(3, null, null, null, 20, 100);
        PageWindow.Page<Integer> p = w.page(read(0, w.fetchSize()), false);
        assertEquals(List.of(0, 1, 2), p.items());
        assertTrue(p.hasNextPage());
        assertFalse(p.hasPreviousPage());
    }

    @Test
    void backwardRowsComeInReadingOrderAndLeaveInListOrder() {
        PageWindow w = PageWindow.of(null, null, 3, "c", 20, 100);
        assertTrue(w.backward());
        // rows before position 5, read from the cursor backwards: 4, 3, 2, 1
        PageWindow.Page<Integer> p = w.page(List.of(4, 3, 2, 1), true);
        assertEquals(List.of(2, 3, 4), p.items());
        assertTrue(p.hasPreviousPage(), "1 is before the page");
        assertTrue(p.hasNextPage(), "the cursor's row is after it");
        PageWindow.Page<Integer> first = w.page(List.of(1, 0), true);
        assertEquals(List.of(0, 1), first.items());
        assertFalse(first.hasPreviousPage());
    }

    @Test
    void firstZeroIsAnEmptyPageThatKnowsWhatFollows() {
        PageWindow w = PageWindow.of(0, null, null, null, 20, 100);
        PageWindow.Page<Integer> p = w.page(read(0, w.fetchSize()), false);
        assertEquals(List.of(), p.items());
        assertTrue(p.hasNextPage());
        assertFalse(w.page(List.<Integer>of(), false).hasNextPage());
    }

    @Test
    void refusesMixedDirectionsAndSizesOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> PageWindow.of(1, null, 1, null, 20, 100));
        assertThrows(IllegalArgumentException.class, () -> PageWindow.of(1, null, null, "c", 20, 100));
        assertThrows(IllegalArgumentException.class, () -> PageWindow.of(null, "c", 2, null, 20, 100));
        assertThrows(IllegalArgumentException.class, () -> PageWindow.of(-1, null, null, null, 20, 100));
        assertThrows(IllegalArgumentException.class, () -> PageWindow.of(null, null, 101, null, 20, 100));
        assertEquals(20, PageWindow.of(null, null, null, null, 20, 100).size());
    }

    @Test
    void positionalPagesWalkBothWays() {
        PageWindow fwd = PageWindow.of(4, "c", null, null, 20, 100);
        PageWindow.Page<Integer> p = fwd.positional(5, () -> 10, PageWindowTest::read);
        assertEquals(List.of(6, 7, 8, 9), p.items());
        assertTrue(p.hasPreviousPage());
        assertFalse(p.hasNextPage());

        PageWindow back = PageWindow.of(null, null, 4, "c", 20, 100);
        p = back.positional(6, () -> 10, PageWindowTest::read);
        assertEquals(List.of(2, 3, 4, 5), p.items());
        assertTrue(p.hasPreviousPage());
        assertTrue(p.hasNextPage());

        PageWindow tail = PageWindow.of(null, null, 3, null, 20, 100);
        p = tail.positional(null, () -> 10, PageWindowTest::read);
        assertEquals(List.of(7, 8, 9), p.items());
        assertTrue(p.hasPreviousPage());
        assertFalse(p.hasNextPage());

        p = PageWindow.of(null, null, 5, "c", 20, 100).positional(2, () -> 10, PageWindowTest::read);
        assertEquals(List.of(0, 1), p.items());
        assertFalse(p.hasPreviousPage());
    }
}
