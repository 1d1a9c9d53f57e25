package io.newsgraph.service;

import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseFailuresTest {

    @Test
    void connectionFailuresAnywhereInTheChainAreUnavailability() {
        assertTrue(DatabaseFailures.isUnavailable(new IllegalStateException("x",
                new SQLException("Connection to 127.0.0.1:5432 refused", "08001"))));
        assertTrue(DatabaseFailures.isUnavailable(new RuntimeException(new SQLException("terminating connection due to administrator command", "57P01"))));
        assertTrue(DatabaseFailures.isUnavailable(new RuntimeException(new SQLException("Sorry, acquisition timeout!"))));
        assertTrue(DatabaseFailures.isUnavailable(new RuntimeException(new ConnectException("refused"))));
    }

    @Test
    void aCommitThatLostItsConnectionCarriesTheCauseAsSuppressed() {
        RuntimeException commit = new RuntimeException("commit failed");
        commit.addSuppressed(new SQLException("terminating connection due to administrator command", "57P01"));
        assertTrue(DatabaseFailures.isUnavailable(new RuntimeException(commit)));
        RuntimeException other = new RuntimeException("commit failed");
        other.addSuppressed(new SQLException("duplicate key", "23505"));
        assertFalse(DatabaseFailures.isUnavailable(other));
    }

    @Test
    void otherFailuresAreNot() {
        assertFalse(DatabaseFailures.isUnavailable(new IllegalStateException("x", new SQLException("duplicate key", "23505"))));
        assertFalse(DatabaseFailures.isUnavailable(new IllegalStateException("bug")));
        assertFalse(DatabaseFailures.isUnavailable(null));
    }
}
