package dev.m6rec.core.events;

import dev.m6rec.api.DataException;
import dev.m6rec.api.ProgressReporter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A durable, append-only log of behaviour events: segment files {@code events-<first position>.log}
 * in one folder (format in {@link SegmentFormat}), rotated by size, fsynced in small batches by a
 * background thread (group commit), idempotent by event id.
 *
 * <p>{@link #append} is the one way in, for every source (HTTP, the embedding facade, a stream
 * consumer): it returns only once each event it appended is on disk (fsynced), and an event whose
 * id the log already holds is not appended again (a retry or a redelivery is answered with the
 * original's position). Opening the log scans every segment: a record torn by a crash at the end
 * of the newest segment is cut off with a warning (it was never acknowledged); damage anywhere
 * else is refused with the file and byte offset.
 *
 * <pre>{@code
 * try (EventLog log = EventLog.open(EventLogSettings.in(dir), progress)) {
 *     log.replay(0, event -> live.apply(event));                     // what was logged before
 *     List<EventLog.Appended> done = log.append(List.of(LoggedEvent.unappended("e-17", "u1", "i9", Float.NaN, now)),
 *             event -> live.apply(event));                             // durable when this returns
 * }
 * }</pre>
 */
public final class EventLog implements AutoCloseable {
    private static final String PREFIX = "events-";
    private static final String SUFFIX = ".log";
    /** Held (an OS file lock) while the log is open: two processes appending to one log would corrupt it. */
    private static final String LOCK = "writer.lock";
    private final EventLogSettings settings;
    private final Object writeLock = new Object();
    private final Object syncLock = new Object();
    private final Object durableMonitor = new Object();
    private final Map<String, Long> positionsById = new HashMap<>();
    private final Thread syncer;
    private final AtomicLong persisted = new AtomicLong();
    private final AtomicLong tornDropped = new AtomicLong();
    private final AtomicLong bytesInClosedSegments = new AtomicLong();
    private ByteBuffer scratch = ByteBuffer.allocate(1 << 16);
    private FileChannel channel;
    private FileChannel lockChannel;
    private long channelBytes;
    private long nextPosition;
    /** Guarded by durableMonitor: the last position written to the file, and the last one fsynced. */
    private long written;
    private long durable;
    private IOException failure;
    private boolean closed;

    /** The result of appending one event: where it sits, and whether its id was there already. */
    public record Appended(LoggedEvent event, boolean duplicate) {
    }

    private EventLog(EventLogSettings settings) {
        this.settings = settings;
        this.syncer = new Thread(this::syncLoop, "m6rec-event-log-sync");
        syncer.setDaemon(true);
    }

    /**
     * Opens (or creates) the log in {@code settings.dir()}: scans every segment, cuts a torn tail
     * off the newest one (with a warning through {@code progress}), and starts the sync thread.
     */
    public static EventLog open(EventLogSettings settings, ProgressReporter progress) {
        Objects.requireNonNull(progress, "progress is null");
        EventLog log = new EventLog(Objects.requireNonNull(settings, "settings is null"));
        try {
            Files.createDirectories(settings.dir());
            log.lock();
            log.recover(progress);
        } catch (IOException e) {
            log.unlock();
            throw new DataException(settings.dir().toAbsolutePath(), "cannot open the event log (" + e.getMessage() + ")");
        } catch (RuntimeException e) {
            log.unlock();
            throw e;
        }
        log.syncer.start();
        return log;
    }

    private void lock() throws IOException {
        lockChannel = FileChannel.open(settings.dir().resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        boolean locked;
        try {
            locked = lockChannel.tryLock() != null;
        } catch (java.nio.channels.OverlappingFileLockException e) {
            locked = false;
        }
        if (!locked) {
            lockChannel.close();
            lockChannel = null;
            throw new DataException(settings.dir().toAbsolutePath(), "the event log is open in another process (or "
                    + "another instance in this one); one writer at a time");
        }
    }

    /** Releases the writer lock (closing the channel releases it). */
    private void unlock() {
        try {
            if (lockChannel != null) {
                lockChannel.close();
            }
        } catch (IOException e) {
            // The lock goes with the process anyway.
        }
    }

    private void recover(ProgressReporter progress) throws IOException {
        List<Path> segments = segments(settings.dir());
        long last = 0;
        for (int s = 0; s < segments.size(); s++) {
            Path file = segments.get(s);
            boolean newest = s == segments.size() - 1;
            SegmentFormat.Scan scan = SegmentFormat.scan(file, newest, Long.MAX_VALUE, e -> { });
            // The oldest segments may have been removed once training absorbed them; the rest must join up.
            if (s > 0 && scan.firstPosition() >= 0 && scan.firstPosition() != last + 1) {
                throw new DataException(file.toAbsolutePath(), "starts at position " + scan.firstPosition()
                        + " but the segment before ends at " + last + "; the event log is refused (a segment is missing)");
            }
            SegmentFormat.scan(file, newest, 0, e -> positionsById.put(e.id(), e.position()));
            last = scan.records() > 0 ? scan.lastPosition() : Math.max(last, scan.firstPosition() - 1);
            if (scan.tornTail() != null) {
                tornDropped.incrementAndGet();
                progress.info("warning: " + file.toAbsolutePath() + ": dropped " + scan.tornTail()
                        + " (a crash during a write; it was never acknowledged); the " + scan.records()
                        + " events before it are kept");
                if (scan.validBytes() < SegmentFormat.HEADER_BYTES) {
                    Files.delete(file);
                    segments.remove(s);
                    break;
                }
                try (FileChannel c = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    c.truncate(scan.validBytes());
                    c.force(true);
                }
            }
            if (!newest) {
                bytesInClosedSegments.addAndGet(Files.size(file));
            }
        }
        nextPosition = last + 1;
        written = last;
        durable = last;
        if (segments.isEmpty()) {
            startSegment();
        } else {
            Path newest = segments.get(segments.size() - 1);
            channel = FileChannel.open(newest, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            channelBytes = channel.size();
        }
    }

    /** The segment files in {@code dir}, oldest first. */
    static List<Path> segments(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> out = new ArrayList<>(files.filter(EventLog::isSegment).sorted().toList());
            return out;
        }
    }

    private static boolean isSegment(Path p) {
        String name = p.getFileName().toString();
        return name.startsWith(PREFIX) && name.endsWith(SUFFIX) && Files.isRegularFile(p);
    }

    /** The position of a segment's first event, from its name. */
    static long firstPositionOf(Path segment) {
        String name = segment.getFileName().toString();
        return Long.parseLong(name.substring(PREFIX.length(), name.length() - SUFFIX.length()));
    }

    private void startSegment() throws IOException {
        Path file = settings.dir().resolve(String.format("%s%020d%s", PREFIX, nextPosition, SUFFIX));
        channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        ByteBuffer header = SegmentFormat.header(nextPosition);
        while (header.hasRemaining()) {
            channel.write(header);
        }
        channel.force(true);
        channelBytes = SegmentFormat.HEADER_BYTES;
        // The new file's name must survive a crash too.
        try (FileChannel folder = FileChannel.open(settings.dir(), StandardOpenOption.READ)) {
            folder.force(true);
        } catch (IOException e) {
            // Some file systems cannot fsync a directory; the segment's own fsync is the best there is.
        }
    }

    /**
     * Appends {@code events} in order and returns once all of them are durable. Each new event gets
     * the next position and, when its id is null, the id {@code "@" + position}; an event whose id is
     * already logged is skipped (a duplicate). {@code applied} sees each new event in log order, after
     * it was written and before this returns, so in-memory state follows the log's order exactly.
     *
     * @throws UncheckedIOException when the log cannot be written or fsynced (the log then refuses
     *                              every later append: the disk needs attention)
     */
    public List<Appended> append(List<LoggedEvent> events, Consumer<LoggedEvent> applied) {
        List<Appended> out = new ArrayList<>(events.size());
        long last;
        synchronized (writeLock) {
            checkUsable();
            List<LoggedEvent> fresh = new ArrayList<>(events.size());
            Map<String, Long> batch = new HashMap<>();
            ByteBuffer buffer = scratch.clear();
            for (LoggedEvent e : events) {
                Long seen = e.id() == null ? null : positionsById.getOrDefault(e.id(), batch.get(e.id()));
                if (seen != null) {
                    out.add(new Appended(e.at(seen, e.id()), true));
                    continue;
                }
                long position = nextPosition + fresh.size();
                LoggedEvent logged = e.at(position, e.id() != null ? e.id() : LoggedEvent.GENERATED_ID_PREFIX + position);
                buffer = SegmentFormat.encode(logged, buffer);
                batch.put(logged.id(), position);
                fresh.add(logged);
                out.add(new Appended(logged, false));
            }
            scratch = buffer.capacity() <= 1 << 20 ? buffer : ByteBuffer.allocate(1 << 16);
            if (fresh.isEmpty()) {
                return out;
            }
            buffer.flip();
            try {
                channelBytes += buffer.remaining();
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            } catch (IOException e) {
                fail(e);
                throw new UncheckedIOException("cannot write the event log in " + settings.dir().toAbsolutePath(), e);
            }
            nextPosition += fresh.size();
            positionsById.putAll(batch);
            last = nextPosition - 1;
            fresh.forEach(applied);
            synchronized (durableMonitor) {
                written = last;
                durableMonitor.notifyAll();
            }
            if (channelBytes >= settings.segmentBytes()) {
                rotate();
            }
        }
        awaitDurable(last);
        return out;
    }

    private void checkUsable() {
        synchronized (durableMonitor) {
            if (closed) {
                throw new IllegalStateException("the event log is closed");
            }
            if (failure != null) {
                throw new UncheckedIOException("the event log in " + settings.dir().toAbsolutePath()
                        + " failed earlier and takes no more events", failure);
            }
        }
    }

    /** Called under writeLock: fsyncs and closes the full segment and starts the next one. */
    private void rotate() {
        try {
            synchronized (syncLock) {
                channel.force(false);
                channel.close();
            }
            bytesInClosedSegments.addAndGet(channelBytes);
            synchronized (durableMonitor) {
                markDurable(written);
            }
            startSegment();
        } catch (IOException e) {
            fail(e);
            throw new UncheckedIOException("cannot rotate the event log in " + settings.dir().toAbsolutePath(), e);
        }
    }

    private void awaitDurable(long position) {
        synchronized (durableMonitor) {
            while (durable < position) {
                if (failure != null) {
                    throw new UncheckedIOException("cannot fsync the event log in " + settings.dir().toAbsolutePath(),
                            failure);
                }
                try {
                    durableMonitor.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the event log's fsync", e);
                }
            }
        }
    }

    private void syncLoop() {
        long waitNanos = settings.syncWait().toNanos();
        while (true) {
            synchronized (durableMonitor) {
                while (written <= durable && !closed && failure == null) {
                    try {
                        durableMonitor.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if ((closed && written <= durable) || failure != null) {
                    return;
                }
            }
            if (waitNanos > 0) {
                // Group commit: appends arriving meanwhile share this batch's fsync.
                java.util.concurrent.locks.LockSupport.parkNanos(waitNanos);
            }
            FileChannel target;
            long upTo;
            synchronized (writeLock) {
                target = channel;
                synchronized (durableMonitor) {
                    upTo = written;
                }
            }
            try {
                synchronized (syncLock) {
                    if (target.isOpen()) {
                        target.force(false);
                    }
                }
            } catch (ClosedChannelException e) {
                // Rotated meanwhile: the rotation fsynced everything written to it.
            } catch (IOException e) {
                fail(e);
                return;
            }
            synchronized (durableMonitor) {
                markDurable(upTo);
            }
        }
    }

    /** Called holding durableMonitor. */
    private void markDurable(long position) {
        if (position > durable) {
            persisted.addAndGet(position - durable);
            durable = position;
        }
        durableMonitor.notifyAll();
    }

    private void fail(IOException e) {
        synchronized (durableMonitor) {
            if (failure == null) {
                failure = e;
            }
            durableMonitor.notifyAll();
        }
    }

    /**
     * Gives every logged event after {@code after} to {@code sink}, oldest first, from the files (so
     * it sees exactly what a restart would). Appends must not run meanwhile.
     */
    public void replay(long after, Consumer<LoggedEvent> sink) {
        read(settings.dir(), after, sink);
    }

    /**
     * Reads the log in {@code dir} without opening it for writing (for training on it, or replaying a
     * copy): every event after {@code after}, oldest first. A torn tail is ignored here (the serving
     * process that owns the log cuts it off); other damage is refused. Returns the last position read.
     */
    public static long read(Path dir, long after, Consumer<LoggedEvent> sink) {
        try {
            List<Path> segments = segments(dir);
            long last = after;
            for (int s = 0; s < segments.size(); s++) {
                Path file = segments.get(s);
                boolean newest = s == segments.size() - 1;
                if (!newest && firstPositionOf(segments.get(s + 1)) - 1 <= after) {
                    continue; // every event in it is at or before 'after'
                }
                SegmentFormat.Scan scan = SegmentFormat.scan(file, newest, after, sink);
                last = Math.max(last, scan.lastPosition());
            }
            return last;
        } catch (IOException e) {
            throw new DataException(dir.toAbsolutePath(), "cannot read the event log (" + e.getMessage() + ")");
        }
    }

    /**
     * Deletes the closed segments whose every event is at or before {@code position} (absorbed by a
     * training run) and returns how many. The segment being written is never deleted. Ids of deleted
     * events stay known until the process restarts; after that a retry of such an old event would be
     * appended again (the idempotence window is the retained log).
     */
    public int removeSegmentsUpTo(long position) {
        synchronized (writeLock) {
            try {
                List<Path> segments = segments(settings.dir());
                int removed = 0;
                for (int s = 0; s + 1 < segments.size(); s++) {
                    if (firstPositionOf(segments.get(s + 1)) - 1 > position) {
                        break;
                    }
                    long size = Files.size(segments.get(s));
                    Files.delete(segments.get(s));
                    bytesInClosedSegments.addAndGet(-size);
                    removed++;
                }
                return removed;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove absorbed event log segments in "
                        + settings.dir().toAbsolutePath(), e);
            }
        }
    }

    /** The position of the newest event appended (0 when the log is empty). */
    public long lastPosition() {
        synchronized (writeLock) {
            return nextPosition - 1;
        }
    }

    /** Events made durable since this log was opened. */
    public long persisted() {
        return persisted.get();
    }

    /** Torn tails cut off when the log was opened (0 or 1). */
    public long tornDropped() {
        return tornDropped.get();
    }

    /** Bytes in all segment files. */
    public long bytes() {
        synchronized (writeLock) {
            return bytesInClosedSegments.get() + channelBytes;
        }
    }

    public Path dir() {
        return settings.dir();
    }

    /** Fsyncs what was written, stops the sync thread and closes the file. */
    @Override
    public void close() {
        synchronized (durableMonitor) {
            if (closed) {
                return;
            }
            closed = true;
            durableMonitor.notifyAll();
        }
        try {
            // The sync thread fsyncs what is still pending before it ends.
            syncer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (writeLock) {
            try {
                synchronized (syncLock) {
                    if (channel.isOpen()) {
                        channel.force(false);
                        channel.close();
                    }
                }
                synchronized (durableMonitor) {
                    markDurable(written);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close the event log in " + settings.dir().toAbsolutePath(), e);
            } finally {
                unlock();
            }
        }
    }
}
