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

    /** Item 9: runs it and adds its rows to {@code table}. */
    static void report(BenchSettings s, ResultTable table, LocalStack stack) {
        IdleBench.Result r = IdleBench.run(stack, s.restSettle(), s.restWindow());
        table.add(String.format("9 G5 whole stack at rest: CPU of every process over %.0f s, %d s after the last "
                + "request (%% of one core)", r.windowSeconds(), s.restSettle().toSeconds()),
                String.format("%.1f %%", r.totalPercent()), "≤ 5 %", r.totalPercent() <= 5);
        table.add("9 at rest, each process (% of one core)", String.join(", ", r.shares().stream()
                .map(share -> String.format("%s %.1f", share.process(), share.percentOfCore())).toList())
                + String.format(" (of which broker %.1f, store %.1f)", r.brokerPercent(), r.storePercent()));
    }
}
