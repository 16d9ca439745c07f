package com.cvchat.bench;

import com.cvchat.localstack.LocalStack;
import com.cvchat.localstack.ServiceProcess;
import com.cvchat.localstack.ServiceSpec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU seconds used so far by every process of the local stack — each service instance ({@code /proc/<pid>/stat}),
 * this JVM (broker, store, load generator) split by {@link SuiteThreads} group — and by the whole machine
 * ({@code /proc/stat}), at one instant. Two snapshots give what each used between them ({@link #minus}).
 */
record StackCpu(long nanos, Map<ServiceProcess, Double> services, double suite, double[] suiteGroups,
                double machineBusy, double machineAll) {

    static StackCpu of(LocalStack stack) {
        Map<ServiceProcess, Double> services = new LinkedHashMap<>();
        for (ServiceSpec spec : ServiceSpec.values()) {
            for (ServiceProcess process : stack.instances(spec)) {
                if (process.alive()) { // item 5's workers and item 8's extra instances end before the others
                    services.put(process, ProcessStats.cpuSeconds(process.pid()));
                }
            }
        }
        double[] machine = ProcessStats.machineSeconds();
        return new StackCpu(System.nanoTime(), services, ProcessStats.cpuSeconds(ProcessHandle.current().pid()),
                SuiteThreads.cpuSeconds(), machine[0], machine[1]);
    }

    /** What was used from {@code before} to this snapshot (processes in both only; an ended one counts as 0). */
    StackCpu minus(StackCpu before) {
        Map<ServiceProcess, Double> used = new LinkedHashMap<>();
        services.forEach((process, seconds) -> {
            Double earlier = before.services.get(process);
            double delta = earlier == null ? 0 : seconds - earlier;
            used.put(process, Double.isNaN(delta) ? 0 : delta);
        });
        double[] groups = new double[suiteGroups.length];
        for (int i = 0; i < groups.length; i++) {
            groups[i] = suiteGroups[i] - before.suiteGroups[i];
        }
        return new StackCpu(nanos - before.nanos, used, suite - before.suite, groups, machineBusy - before.machineBusy,
                machineAll - before.machineAll);
    }

    /** Two spans added (on {@link #minus} results: the CPU and wall time of both). */
    StackCpu plus(StackCpu other) {
        Map<ServiceProcess, Double> used = new LinkedHashMap<>(services);
        other.services.forEach((process, seconds) -> used.merge(process, seconds, Double::sum));
        double[] groups = suiteGroups.clone();
        for (int i = 0; i < groups.length; i++) {
            groups[i] += other.suiteGroups[i];
        }
        return new StackCpu(nanos + other.nanos, used, suite + other.suite, groups, machineBusy + other.machineBusy,
                machineAll + other.machineAll);
    }

    /** Wall seconds between two snapshots (on a {@link #minus} result). */
    double seconds() {
        return nanos / 1e9;
    }

    /** CPU seconds of every instance of {@code specs}, summed. */
    double of(ServiceSpec... specs) {
        List<ServiceSpec> wanted = List.of(specs);
        return services.entrySet().stream().filter(e -> wanted.contains(e.getKey().spec()))
                .mapToDouble(Map.Entry::getValue).sum();
    }

    /** CPU seconds of this JVM's thread group {@code name} (one of {@link SuiteThreads#GROUPS}). */
    double suiteGroup(String name) {
        return suiteGroups[SuiteThreads.GROUPS.indexOf(name)];
    }

    /**
     * This JVM without the load generator's threads (the SSE clients' HTTP client and the virtual threads that read
     * the streams): the broker, the store, and GC / JIT / other threads (counted in, as they serve the broker too).
     */
    double suiteWithoutLoadGenerator() {
        return suite - suiteGroup("HTTP client") - suiteGroup("virtual threads");
    }

    /** Every service process plus this JVM. */
    double stackTotal() {
        return services.values().stream().mapToDouble(Double::doubleValue).sum() + suite;
    }

    /** How busy the whole machine was, 100 % = every core (other users of the machine included). */
    double machineBusyPercent() {
        return machineAll <= 0 ? Double.NaN : 100 * machineBusy / machineAll;
    }
}
