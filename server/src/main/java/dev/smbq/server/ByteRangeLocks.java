package dev.smbq.server;

import dev.smbq.smb2.message.LockElement;
import dev.smbq.smb2.spec.NtStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Byte-range locks of every file the server has open, shared by all connections ([MS-SMB2] 3.3.5.14, [MS-FSA]
 * 2.1.5.7). A range conflicts with an overlapping range held by another open unless both are shared, or with an
 * overlapping exclusive range of the same open. Locks are mandatory: READ and WRITE check them. Thread-safe.
 */
final class ByteRangeLocks {
    private record Lock(OpenFile owner, long offset, long length, boolean exclusive) {
        boolean overlaps(long otherOffset, long otherLength) {
            // zero-length ranges lock nothing; offsets are unsigned 64-bit values
            return length != 0 && otherLength != 0 && Long.compareUnsigned(offset, otherOffset + otherLength) < 0
                    && Long.compareUnsigned(otherOffset, offset + length) < 0;
        }
    }

    private final Map<Path, List<Lock>> byFile = new HashMap<>();

    /**
     * Applies one LOCK request atomically: all its locks are taken, or none. Waiting for a conflicting range is not
     * offered: a conflict fails with STATUS_LOCK_NOT_GRANTED whether FAIL_IMMEDIATELY was asked or not.
     */
    synchronized void apply(OpenFile open, List<LockElement> elements) throws StatusException {
        boolean unlock = (elements.get(0).flags() & LockElement.UNLOCK) != 0;
        List<Lock> locks = byFile.computeIfAbsent(open.path, path -> new ArrayList<>());
        if (unlock) {
            for (LockElement element : elements) {
                if ((element.flags() & LockElement.UNLOCK) == 0) {
                    throw new StatusException(NtStatus.INVALID_PARAMETER, "lock and unlock in one request");
                }
                boolean removed = locks.removeIf(lock -> lock.owner() == open && lock.offset() == element.offset()
                        && lock.length() == element.length());
                if (!removed) {
                    throw new StatusException(NtStatus.RANGE_NOT_LOCKED, "no such lock");
                }
            }
            return;
        }
        List<Lock> taken = new ArrayList<>();
        for (LockElement element : elements) {
            int kind = element.flags() & (LockElement.SHARED_LOCK | LockElement.EXCLUSIVE_LOCK | LockElement.UNLOCK);
            if (kind != LockElement.SHARED_LOCK && kind != LockElement.EXCLUSIVE_LOCK) {
                locks.removeAll(taken);
                throw new StatusException(NtStatus.INVALID_PARAMETER, "lock flags " + element.flags());
            }
            Lock wanted = new Lock(open, element.offset(), element.length(), kind == LockElement.EXCLUSIVE_LOCK);
            boolean conflict = locks.stream().anyMatch(held -> held.overlaps(wanted.offset(), wanted.length())
                    && (held.exclusive() || wanted.exclusive()) && !(held.owner() == open && !held.exclusive()
                    && !wanted.exclusive()));
            if (conflict) {
                locks.removeAll(taken);
                throw new StatusException(NtStatus.LOCK_NOT_GRANTED, "range locked");
            }
            locks.add(wanted);
            taken.add(wanted);
        }
    }

    /** Whether {@code open} may read ({@code write} false) or write the range: mandatory locking. */
    synchronized void check(OpenFile open, long offset, long length, boolean write) throws StatusException {
        List<Lock> locks = byFile.get(open.path);
        if (locks == null) {
            return;
        }
        for (Lock held : locks) {
            if (held.owner() != open && held.overlaps(offset, length) && (held.exclusive() || write)) {
                throw new StatusException(NtStatus.FILE_LOCK_CONFLICT, "range locked by another open");
            }
        }
    }

    /** Drops every lock of an open (at CLOSE, and when its session or connection goes). */
    synchronized void release(OpenFile open) {
        List<Lock> locks = byFile.get(open.path);
        if (locks != null) {
            locks.removeIf(lock -> lock.owner() == open);
            if (locks.isEmpty()) {
                byFile.remove(open.path);
            }
        }
    }
}
