package dev.m6rec.spark;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;
import java.io.UncheckedIOException;

/**
 * A serializable value as bytes and back: how a tuning trial's task and outcome cross Spark. A byte
 * array passes through whichever {@code spark.serializer} a config chooses, while Kryo (a common
 * choice) cannot rebuild Java records. Classes resolve through the loader of M6-Rec's own classes,
 * which in an executor is the one that holds the application's jars.
 */
final class JavaObjectBytes {
    private JavaObjectBytes() {
    }

    static byte[] write(Serializable value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialize " + value.getClass().getName(), e);
        }
        return bytes.toByteArray();
    }

    static <T> T read(byte[] bytes, Class<T> type) {
        try (ObjectInputStream in = new ClassLoaderObjectInputStream(new ByteArrayInputStream(bytes),
                type.getClassLoader())) {
            return type.cast(in.readObject());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a " + type.getName(), e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("cannot read a " + type.getName() + ": " + e.getMessage(), e);
        }
    }

    private static final class ClassLoaderObjectInputStream extends ObjectInputStream {
        private final ClassLoader loader;

        ClassLoaderObjectInputStream(InputStream in, ClassLoader loader) throws IOException {
            super(in);
            this.loader = loader;
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            try {
                return Class.forName(desc.getName(), false, loader);
            } catch (ClassNotFoundException e) {
                return super.resolveClass(desc); // primitive types and the JDK's own
            }
        }
    }
}
