package dev.floe.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import org.springframework.util.FileSystemUtils;

/**
 * The command line of a test that runs {@code floe COMMAND} or {@code floe serve} in a JVM of its own.
 * <p>
 * Such a JVM spends most of its start loading the same twenty thousand classes. Before the first one of a test run,
 * a run of {@code floe check} on a throw-away embedded database leaves a class-data-sharing archive of them,
 * and every later JVM maps it instead of loading them again: on the CI machine about 6 s of CPU per command instead
 * of 15, for some forty commands per suite. The JVM archives classes from jar files only, so this build's compiled
 * classes are put into jars first.
 */
public final class FloeJvm {

    private static final Path DIR = Path.of(System.getProperty("floe.test.cds", "target/test-cds")).toAbsolutePath();
    private static final Path ARCHIVE = DIR.resolve("floe.jsa");
    /**
     * Spring's build-time processing stays off: these processes run the test classes too (beans such as
     * {@code SlowRequests}), which a context processed when the jar was built does not have, and target/classes may
     * hold generated code from an earlier build.
     */
    private static final List<String> OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xlog:cds*=off", "-Xlog:aot*=off",
            "-Dspring.aot.enabled=false");

    private static String classPath;

    private FloeJvm() {
    }

    /** {@code java [OPTIONS] dev.floe.ops.Floe ARGS}, with the C1 compiler only (these JVMs are short-lived). */
    public static synchronized List<String> command(List<String> jvmOptions, List<String> args) {
        if (classPath == null) {
            classPath = jarredClassPath();
            writeArchive();
        }
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(OPTIONS);
        if (Files.isRegularFile(ARCHIVE)) {
            command.add("-XX:SharedArchiveFile=" + ARCHIVE);
        }
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classPath, "dev.floe.ops.Floe"));
        command.addAll(args);
        return command;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * The archive is written by a {@code floe check} on a throw-away embedded database, migrated first: check starts
     * the whole context (Hibernate, the search mapping) and reads the migrations, so the archive holds the classes of
     * both kinds of command (see {@code DatabaseCommands}). It holds two thirds of what {@code floe serve} loads; an
     * archive from a short serving run, as scripts/class-archive.sh writes for the cluster, starts a test's C1-only
     * instance about 1 s sooner but took 17 s longer to write, for the half-dozen instances a suite starts. Without the
     * archive the commands still run, only slower; so a failure here is reported, not thrown.
     */
    private static void writeArchive() {
        Path var = null;
        try {
            var = Files.createTempDirectory(DIR, "archive-run");
            Path output = DIR.resolve("archive-run.log");
            Files.deleteIfExists(output);
            boolean migrated = runForArchive(List.of("dev.floe.ops.Floe", "migrate"), var, output);
            if (!migrated || !runForArchive(List.of("-XX:ArchiveClassesAtExit=" + ARCHIVE, "dev.floe.ops.Floe", "check"), var, output)
                    || !Files.isRegularFile(ARCHIVE)) {
                Files.deleteIfExists(ARCHIVE);
                System.err.println("FloeJvm: no class archive (see " + output + "); floe commands in tests start slower");
            }
        } catch (IOException | IllegalThreadStateException e) {
            System.err.println("FloeJvm: no class archive (" + e + "); floe commands in tests start slower");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (var != null) {
                FileSystemUtils.deleteRecursively(var.toFile());
            }
        }
    }

    private static boolean runForArchive(List<String> javaArgs, Path var, Path output) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(OPTIONS);
        command.addAll(List.of("-cp", classPath));
        command.addAll(javaArgs);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
        builder.environment().keySet().removeIf(name -> name.startsWith("PG") || name.startsWith("AWS_")
                || name.equals("REDIS_ADDRESS") || name.equals("ELASTICSEARCH_ADDRESS"));
        builder.environment().put("FLOE_VAR_DIR", var.toString());
        builder.environment().put("BASE_SETTINGS_MODULE", "test");
        Process process = builder.start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return false;
        }
        return process.exitValue() == 0;
    }

    /** The test JVM's class path with its class folders replaced by jars of their contents. */
    private static String jarredClassPath() {
        try {
            Files.createDirectories(DIR);
            // An archive of an earlier run names jars that are made anew below: the JVM would reject it anyway.
            Files.deleteIfExists(ARCHIVE);
            List<String> entries = new ArrayList<>();
            int folders = 0;
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                Path path = Path.of(entry);
                if (Files.isDirectory(path)) {
                    Path jar = DIR.resolve("classes-" + folders++ + ".jar");
                    jar(path, jar);
                    entries.add(jar.toString());
                } else {
                    entries.add(entry);
                }
            }
            return String.join(File.pathSeparator, entries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void jar(Path folder, Path jar) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(folder)) {
            for (Path file : (Iterable<Path>) files.sorted()::iterator) {
                String name = folder.relativize(file).toString().replace(File.separatorChar, '/');
                if (name.isEmpty()) {
                    continue;
                }
                if (Files.isDirectory(file)) {
                    out.putNextEntry(new JarEntry(name + "/"));
                } else {
                    out.putNextEntry(new JarEntry(name));
                    Files.copy(file, out);
                }
                out.closeEntry();
            }
        }
    }
}
