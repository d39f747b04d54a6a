package org.epicontrol.devsuite;

import org.epicontrol.testsupport.EmbeddedDatabase;

import java.util.concurrent.CountDownLatch;

/**
 * Starts one throw-away embedded PostgreSQL with the empty databases named as arguments, prints {@code port=N} and
 * keeps it running until the process is terminated (SIGTERM/Ctrl-C stop the server and delete its data).
 * Used by the scripts under benchmarks/, which load their own data after the service has migrated the schema.
 */
public final class BenchmarkDatabase {

    private BenchmarkDatabase() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmbeddedDatabase database = EmbeddedDatabase.start(null);
        for (String name : args.length == 0 ? new String[] {"notices"} : args) {
            database.createDatabase(name);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(database::close));
        System.out.println("port=" + database.port());
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
