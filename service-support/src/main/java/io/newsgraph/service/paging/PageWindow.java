package io.newsgraph.service.paging;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.IntSupplier;

/**
 * Which page of a Relay connection a client asked for: {@code first}/{@code after} reads forward from a cursor,
 * {@code last}/{@code before} backward to one. A store reads {@link #fetchSize()} rows in {@link #backward() reading
 * order} from the cursor, and {@link #page} turns them into the page in list order with both page flags. Pure: the
 * services map {@link IllegalArgumentException} to their own error code.
 *
 * @param size     rows on the page (0 is a valid, empty page)
 * @param backward true for {@code last}/{@code before}: rows are read in reverse list order
 * @param cursor   the {@code after} or {@code before} cursor, or null
 */
public record PageWindow(int size, boolean backward, String cursor) {

    /** The page asked for; {@code defaultSize} when neither {@code first} nor {@code last} is given. */
    public static PageWindow of(Integer first, String after, Integer last, String before, int defaultSize, int maxSize) {
        if (first != null && last != null) {
            throw new IllegalArgumentException("give first or last, not both");
        }
        if ((first != null || after != null) && (last != null || before != null)) {
            throw new IllegalArgumentException("page forward (first, after) or backward (last, before), not both");
        }
        boolean backward = last != null || before != null;
        Integer asked = backward ? last : first;
        int size = asked == null ? Math.min(defaultSize, maxSize) : asked;
        if (size < 0 || size > maxSize) {
            throw new IllegalArgumentException((backward ? "last" : "first") + " must be 0 to " + maxSize);
        }
        return new PageWindow(size, backward, backward ? before : after);
    }

    /** Rows to read: one more than the page, to learn whether the list goes on past it. */
    public int fetchSize() {
        return size + 1;
    }

    /** A page and what lies either side of it. */
    public record Page<T>(List<T> items, boolean hasPreviousPage, boolean hasNextPage) {
    }

    /**
     * The page from the rows read in reading order (at most {@link #fetchSize()}).
     *
     * @param read          rows from the cursor on, in reading order
     * @param beyondCursor  whether a row lies at or beyond the cursor on the other side (false without a cursor)
     */
    public <T> Page<T> page(List<T> read, boolean beyondCursor) {
        boolean more = read.size() > size;
        List<T> items = new ArrayList<>(read.subList(0, Math.min(size, read.size())));
        if (backward) {
            Collections.reverse(items);
            return new Page<>(items, more, beyondCursor);
        }
        return new Page<>(items, beyondCursor, more);
    }

    /**
     * The page of a list paged by position (a ranked search, whose cursors hold a position): {@code read(from, count)}
     * returns up to {@code count} rows from position {@code from} in list order.
     *
     * @param cursorPosition the position the cursor names, or null
     * @param total          how many rows the list has; asked only for {@code last} without {@code before}
     */
    public <T> Page<T> positional(Integer cursorPosition, IntSupplier total, BiFunction<Integer, Integer, List<T>> read) {
        if (!backward) {
            int from = cursorPosition == null ? 0 : cursorPosition + 1;
            List<T> rows = read.apply(from, fetchSize());
            return page(rows, from > 0);
        }
        int end = cursorPosition == null ? total.getAsInt() : cursorPosition;
        int from = Math.max(0, end - size);
        // one row past the page (the cursor's own) tells whether the list goes on after it
        List<T> rows = read.apply(from, end - from + 1);
        int onPage = Math.min(end - from, rows.size());
        return new Page<>(new ArrayList<>(rows.subList(0, onPage)), from > 0, rows.size() > end - from);
    }
}
