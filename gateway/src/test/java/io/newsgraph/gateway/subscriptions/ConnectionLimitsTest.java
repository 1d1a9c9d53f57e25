package io.newsgraph.gateway.subscriptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConnectionLimitsTest {

    @Test
    void aClientOverItsLimitIsRefusedWith4429AndOthersAreNot() {
        ConnectionLimits limits = new ConnectionLimits(2, 100);
        ConnectionLimits.Slot a = limits.acquire("sub:alice");
        limits.acquire("sub:alice");
        GraphQLWsConnection.Refusal r = assertThrows(GraphQLWsConnection.Refusal.class, () -> limits.acquire("sub:alice"));
        assertEquals(4429, r.code());
        assertTrue(r.getMessage().startsWith("TOO_MANY_CONNECTIONS"), r.getMessage());
        limits.acquire("sub:bob");
        assertEquals(3, limits.open());
        a.release();
        a.release();
        assertEquals(1, limits.open("sub:alice"), "a slot is given back once");
        limits.acquire("sub:alice");
    }

    @Test
    void theGatewayWideLimitHolds() {
        ConnectionLimits limits = new ConnectionLimits(10, 2);
        limits.acquire("ip:1");
        ConnectionLimits.Slot b = limits.acquire("ip:2");
        assertEquals(4429, assertThrows(GraphQLWsConnection.Refusal.class, () -> limits.acquire("ip:3")).code());
        assertEquals(0, limits.open("ip:3"), "a refused client holds nothing");
        b.release();
        limits.acquire("ip:3");
    }

    @Test
    void clientsWithoutConnectionsAreForgotten() {
        ConnectionLimits limits = new ConnectionLimits(1, 10);
        limits.acquire("ip:9").release();
        assertEquals(0, limits.open("ip:9"));
        assertEquals(0, limits.open());
    }
}
