package com.cvchat.bench;

import com.cvchat.localstack.LocalStack;
import com.cvchat.localstack.ServiceProcess;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Item 9 (goal G5): the whole local stack at rest — no client, nothing streaming, the suite's own Kafka clients
 * closed — from {@code settle} after the last request, for {@code window}: the CPU of every service process and of
 * this JVM (broker, store), as a share of one core.
 */
final class IdleBench {

    /** One process's share of one core; the suite JVM's row also has its broker and store parts. */
    record Share(String process, double percentOfCore) {
    }

    record Result(List<Share> shares, double totalPercent, double brokerPercent, double storePercent,
                  double windowSeconds) {
    }

    private IdleBench() {
    }

    static Result run(LocalStack stack, Duration settle, Duration window) {
        LockSupport.parkNanos(settle.toNanos());
        StackCpu before = StackCpu.of(stack);
        LockSupport.parkNanos(window.toNanos());
        StackCpu used = StackCpu.of(stack).minus(before);
        double seconds = used.seconds();
        List<Share> shares = new ArrayList<>();
        used.services().forEach((ServiceProcess process, Double cpu) ->
                shares.add(new Share(process.name(), 100 * cpu / seconds)));
        shares.add(new Share("suite JVM (broker, store)", 100 * used.suite() / seconds));
        return new Result(shares, 100 * used.stackTotal() / seconds, 100 * used.suiteGroup("broker") / seconds,
                100 * used.suiteGroup("store") / seconds, seconds);
    }
}
