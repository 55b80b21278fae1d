import de.unihd.dbs.heideltime.standalone.DocumentType;
import de.unihd.dbs.heideltime.standalone.HeidelTimeStandalone;
import de.unihd.dbs.heideltime.standalone.OutputType;
import de.unihd.dbs.heideltime.standalone.POSTagger;
import de.unihd.dbs.uima.annotator.heideltime.resources.Language;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.Locale;

/**
 * Benchmark helper for benchmarks/bench_heideltime.py: loads HeidelTime once and tags many
 * documents in the same JVM, timing each call of process() alone.
 *
 * Arguments: config.props path, language (e.g. german), document type (narratives, news).
 * Standard input: one line per document, "input file TAB output file TAB YYYY-MM-DD".
 * Standard output: "init TAB seconds", then "input file TAB seconds" per document.
 */
public final class WarmHeidelTime {
    private WarmHeidelTime() {
    }

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        HeidelTimeStandalone tagger = new HeidelTimeStandalone(
                Language.valueOf(args[1].toUpperCase(Locale.ROOT)),
                DocumentType.valueOf(args[2].toUpperCase(Locale.ROOT)),
                OutputType.TIMEML, args[0], POSTagger.TREETAGGER);
        report("init", started);
        BufferedReader lines = new BufferedReader(
                new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = lines.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            String[] field = line.split("\t");
            String text = Files.readString(Path.of(field[0]), StandardCharsets.UTF_8);
            Date dct = Date.from(LocalDate.parse(field[2])
                    .atStartOfDay(ZoneId.systemDefault()).toInstant());
            long t = System.nanoTime();
            String timeml = tagger.process(text, dct);
            report(field[0], t);
            Files.writeString(Path.of(field[1]), timeml, StandardCharsets.UTF_8);
        }
    }

    private static void report(String what, long since) {
        double seconds = (System.nanoTime() - since) / 1e9;
        System.out.printf(Locale.ROOT, "%s\t%.6f%n", what, seconds);
        System.out.flush();
    }
}
