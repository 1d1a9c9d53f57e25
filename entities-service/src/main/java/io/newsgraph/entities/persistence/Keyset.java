package io.newsgraph.entities.persistence;

/**
 * A list order "{@code rank} descending, then {@code tie} ascending" read from a cursor in either direction: the SQL
 * condition and order of a keyset page. The extra "{@code rank <= :r}" (or {@code >=}) starts the index range at the
 * cursor, so a deep page costs what the first one costs (a row comparison cannot express the mixed directions).
 *
 * @param rank the column ordered descending
 * @param tie  the column ordered ascending among equal ranks
 */
record Keyset(String rank, String tie) {

    /** Where reading starts. {@code backward}: towards the start of the list; {@code inclusive}: the cursor's row too. */
    record Read(boolean backward, boolean inclusive) {

        static final Read FORWARD = new Read(false, false);

        /** A probe of the other side of a cursor: is there any row at it or beyond? */
        Read probe() {
            return new Read(!backward, true);
        }
    }

    /** The condition on the parameters {@code :r} (rank) and {@code :t} (tie) of the cursor. */
    String from(Read read) {
        String ge = read.backward() ? ">" : "<";
        String tieOp = (read.backward() ? "<" : ">") + (read.inclusive() ? "=" : "");
        return rank + " " + ge + "= :r AND (" + rank + " " + ge + " :r OR (" + rank + " = :r AND " + tie + " " + tieOp
                + " :t))";
    }

    /** The reading order. */
    String orderBy(Read read) {
        return read.backward() ? rank + " ASC, " + tie + " DESC" : rank + " DESC, " + tie + " ASC";
    }
}
