package dev.smbq.server;

import dev.smbq.smb2.message.LockElement;
import dev.smbq.smb2.spec.NtStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Byte-range locks of every file the server has open, shared by all connections ([MS-SMB2] 3.3.5.14, [MS-FSA]
 * 2.1.5.7). An exclusive lock conflicts with every overlapping lock; a shared lock with another open's overlapping
 * exclusive lock. Locks are mandatory: READ and WRITE check them. A lock request
 * may wait for a range; waiters are told their outcome while this object's monitor is held, so they must only hand
 * it on. Thread-safe.
 */
final class ByteRangeLocks {
    private record Lock(OpenFile owner, long offset, long length, boolean exclusive) {
        boolean overlaps(long otherOffset, long otherLength) {
            // offsets are unsigned 64-bit values and a range may end at the very last byte, so compare last bytes.
            // A zero-length range is a point: it meets a range only strictly inside it (not at its first byte),
            // and never another point.
            if (length == 0 && otherLength == 0) {
                return false;
            }
            if (length == 0 || otherLength == 0) {
                long point = length == 0 ? offset : otherOffset;
                long start = length == 0 ? otherOffset : offset;
                long last = length == 0 ? otherOffset + otherLength - 1 : offset + length - 1;
                return Long.compareUnsigned(start, point) < 0 && Long.compareUnsigned(point, last) <= 0;
            }
            return Long.compareUnsigned(offset, otherOffset + otherLength - 1) <= 0
                    && Long.compareUnsigned(otherOffset, offset + length - 1) <= 0;
        }
    }

    /**
     * A LOCK request waiting for a conflicting range to be released ([MS-SMB2] 3.3.5.14.2): {@code outcome} is told
     * SUCCESS once the lock is held, CANCELLED when the request is cancelled, or RANGE_NOT_LOCKED when its open closes.
     */
    static final class Waiter {
        private final OpenFile open;
        private final Lock wanted;
        private final Consumer<NtStatus> outcome;

        private Waiter(OpenFile open, Lock wanted, Consumer<NtStatus> outcome) {
            this.open = open;
            this.wanted = wanted;
            this.outcome = outcome;
        }
    }

    private final Map<Path, List<Lock>> byFile = new HashMap<>();
    /** Waiters in the order they came, granted first come first served. */
    private final List<Waiter> waiters = new ArrayList<>();

    /**
     * Applies one LOCK request: all its locks are taken, or none. A conflict fails with STATUS_LOCK_NOT_GRANTED,
     * except for a lone lock without FAIL_IMMEDIATELY, which waits: it is queued and returned, and {@code outcome}
     * hears how it ends. Empty when the request was carried out.
     */
    synchronized Optional<Waiter> apply(OpenFile open, List<LockElement> elements, Consumer<NtStatus> outcome)
            throws StatusException {
        boolean unlock = (elements.get(0).flags() & LockElement.UNLOCK) != 0;
        List<Lock> locks = byFile.computeIfAbsent(open.path, path -> new ArrayList<>());
        if (unlock) {
            for (LockElement element : elements) {
                // [MS-SMB2] 3.3.5.14.1: an unlock carries no lock kind, and a request does not mix both; like Windows
                // and Samba, FAIL_IMMEDIATELY on an unlock is refused too
                if (element.flags() != LockElement.UNLOCK) {
                    grantWaiters(open.path);
                    throw new StatusException(NtStatus.INVALID_PARAMETER, "unlock flags " + element.flags());
                }
                // one lock per element: of stacked locks on the same range the exclusive one goes first
                Optional<Lock> held = locks.stream().filter(lock -> lock.owner() == open
                                && lock.offset() == element.offset() && lock.length() == element.length())
                        .max(Comparator.comparing(Lock::exclusive));
                if (held.isEmpty()) {
                    grantWaiters(open.path);
                    throw new StatusException(NtStatus.RANGE_NOT_LOCKED, "no such lock");
                }
                locks.remove(held.get());
            }
            grantWaiters(open.path);
            return Optional.empty();
        }
        // [MS-SMB2] 3.3.5.14.2: several locks in one request may not wait, so each must ask to fail immediately
        if (elements.size() > 1
                && elements.stream().anyMatch(element -> (element.flags() & LockElement.FAIL_IMMEDIATELY) == 0)) {
            throw new StatusException(NtStatus.INVALID_PARAMETER, "several locks, not all FAIL_IMMEDIATELY");
        }
        List<Lock> taken = new ArrayList<>();
        try {
            for (LockElement element : elements) {
                int kind = element.flags() & (LockElement.SHARED_LOCK | LockElement.EXCLUSIVE_LOCK | LockElement.UNLOCK);
                if (kind != LockElement.SHARED_LOCK && kind != LockElement.EXCLUSIVE_LOCK) {
                    throw new StatusException(NtStatus.INVALID_PARAMETER, "lock flags " + element.flags());
                }
                // [MS-FSA] 2.1.5.7: a range that runs past the largest 64-bit offset is refused
                long last = element.offset() + element.length() - 1;
                if (element.length() != 0 && Long.compareUnsigned(last, element.offset()) < 0) {
                    throw new StatusException(NtStatus.INVALID_LOCK_RANGE, "range wraps around");
                }
                Lock wanted = new Lock(open, element.offset(), element.length(), kind == LockElement.EXCLUSIVE_LOCK);
                if (conflicts(locks, wanted)) {
                    if ((element.flags() & LockElement.FAIL_IMMEDIATELY) == 0) { // a lone lock, as checked above
                        Waiter waiter = new Waiter(open, wanted, outcome);
                        waiters.add(waiter);
                        return Optional.of(waiter);
                    }
                    throw new StatusException(NtStatus.LOCK_NOT_GRANTED, "range locked");
                }
                locks.add(wanted);
                taken.add(wanted);
            }
        } catch (StatusException refused) {
            taken.forEach(locks::remove); // all or none; one each, as identical locks may be stacked
            throw refused;
        }
        return Optional.empty();
    }

    /** Ends a waiting request with STATUS_CANCELLED, unless it was granted or ended already. */
    synchronized void cancel(Waiter waiter) {
        if (waiters.remove(waiter)) {
            waiter.outcome.accept(NtStatus.CANCELLED);
        }
    }

    private static boolean conflicts(List<Lock> locks, Lock wanted) {
        // [MS-FSA] 2.1.5.7: an exclusive request meets every overlapping lock; a shared one only another open's
        // exclusive lock (an open may stack shared locks on its own exclusive range)
        return locks.stream().anyMatch(held -> held.overlaps(wanted.offset(), wanted.length())
                && (wanted.exclusive() || held.exclusive() && held.owner() != wanted.owner()));
    }

    /** Grants, in order, the waiters on {@code path} whose range has become free. */
    private void grantWaiters(Path path) {
        for (Iterator<Waiter> it = waiters.iterator(); it.hasNext(); ) {
            Waiter waiter = it.next();
            if (!waiter.open.path.equals(path)) {
                continue;
            }
            List<Lock> locks = byFile.computeIfAbsent(path, p -> new ArrayList<>());
            if (!conflicts(locks, waiter.wanted)) {
                locks.add(waiter.wanted);
                it.remove();
                waiter.outcome.accept(NtStatus.SUCCESS);
            }
        }
    }

    /** Whether {@code open} may read ({@code write} false) or write the range: mandatory locking. */
    synchronized void check(OpenFile open, long offset, long length, boolean write) throws StatusException {
        List<Lock> locks = byFile.get(open.path);
        if (locks == null || length == 0) {
            return; // a zero-length READ or WRITE touches no byte, so no lock bars it
        }
        for (Lock held : locks) {
            // an exclusive lock keeps other opens out; a shared one keeps every writer out, its owner too
            boolean barred = held.owner() != open ? held.exclusive() || write : !held.exclusive() && write;
            if (barred && held.overlaps(offset, length)) {
                throw new StatusException(NtStatus.FILE_LOCK_CONFLICT, "range locked");
            }
        }
    }

    /**
     * Drops every lock of an open (at CLOSE, and when its session or connection goes), cancels its waiting requests
     * and grants what others waited for.
     */
    synchronized void release(OpenFile open) {
        for (Iterator<Waiter> it = waiters.iterator(); it.hasNext(); ) {
            Waiter waiter = it.next();
            if (waiter.open == open) {
                it.remove();
                waiter.outcome.accept(NtStatus.RANGE_NOT_LOCKED); // as Windows and Samba answer it
            }
        }
        List<Lock> locks = byFile.get(open.path);
        if (locks != null) {
            locks.removeIf(lock -> lock.owner() == open);
            grantWaiters(open.path);
            if (locks.isEmpty()) {
                byFile.remove(open.path);
            }
        }
    }
}
