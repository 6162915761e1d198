package dev.tradecraft.hunt.ioc;

import static java.util.Objects.requireNonNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.tradecraft.core.Level;

/**
 * Reads IOC feeds in Tradecraft's CSV format (docs/iocs.md): {@code type,value,source,first_published[,level[,note]]},
 * an optional header line naming the columns, {@code #} comments, RFC 4180 quoting. Values may be
 * defanged ({@code 107.191.58[.]76}, {@code hxxps://}); they are refanged on load. A bad line is
 * reported with feed and line number and skipped; the rest of the feed loads.
 */
public final class IocFeed
{
    private static final List<String> DEFAULT_COLUMNS = List.of("type", "value", "source", "first_published", "level", "note");

    private final List<IocIndicator> indicators;
    private final List<IocProblem> problems;

    private IocFeed(List<IocIndicator> indicators, List<IocProblem> problems)
    {
        this.indicators = List.copyOf(indicators);
        this.problems = List.copyOf(problems);
    }

    public static IocFeed read(Path file) throws IOException
    {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(file.toString(), reader);
        }
    }

    public static IocFeed read(String feedName, Reader input) throws IOException
    {
        requireNonNull(feedName, "feedName is null");
        BufferedReader reader = input instanceof BufferedReader buffered ? buffered : new BufferedReader(input);
        List<IocIndicator> indicators = new ArrayList<>();
        List<IocProblem> problems = new ArrayList<>();
        Map<String, Integer> columns = null;
        Map<String, IocIndicator> seen = new HashMap<>();
        String line;
        long lineNumber = 0;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            List<String> cells;
            try {
                cells = CsvLine.split(line);
            }
            catch (IllegalArgumentException e) {
                problems.add(new IocProblem(feedName, lineNumber, e.getMessage()));
                continue;
            }
            if (columns == null) {
                columns = new LinkedHashMap<>();
                if (cells.get(0).strip().equalsIgnoreCase("type")) {
                    for (int i = 0; i < cells.size(); i++) {
                        columns.put(cells.get(i).strip().toLowerCase(Locale.ROOT), i);
                    }
                    if (!columns.containsKey("value")) {
                        problems.add(new IocProblem(feedName, lineNumber, "header has no 'value' column: " + line));
                        return new IocFeed(indicators, problems);
                    }
                    continue;
                }
                for (int i = 0; i < DEFAULT_COLUMNS.size(); i++) {
                    columns.put(DEFAULT_COLUMNS.get(i), i);
                }
            }
            try {
                IocIndicator indicator = parse(feedName, cells, columns);
                String key = indicator.type() + "\u0000" + indicator.value();
                if (seen.putIfAbsent(key, indicator) == null) {
                    indicators.add(indicator);
                }
            }
            catch (IllegalArgumentException e) {
                problems.add(new IocProblem(feedName, lineNumber, e.getMessage()));
            }
        }
        return new IocFeed(indicators, problems);
    }

    private static IocIndicator parse(String feedName, List<String> cells, Map<String, Integer> columns)
    {
        IocType type = IocType.parse(cell(cells, columns, "type"));
        String raw = cell(cells, columns, "value");
        if (raw.isEmpty()) {
            throw new IllegalArgumentException("empty value for type " + type);
        }
        String value = IndicatorValues.normalise(type, raw);
        String source = cell(cells, columns, "source");
        String published = cell(cells, columns, "first_published");
        Optional<LocalDate> firstPublished = Optional.empty();
        if (!published.isEmpty()) {
            try {
                firstPublished = Optional.of(LocalDate.parse(published));
            }
            catch (DateTimeParseException e) {
                throw new IllegalArgumentException("first_published is not a date (YYYY-MM-DD): '" + published + "'");
            }
        }
        String levelText = cell(cells, columns, "level");
        Level level = levelText.isEmpty() ? defaultLevel(type) : Level.parse(levelText);
        return new IocIndicator(type, value, source, firstPublished, level, cell(cells, columns, "note"), feedName);
    }

    private static String cell(List<String> cells, Map<String, Integer> columns, String name)
    {
        Integer index = columns.get(name);
        if (index == null || index >= cells.size()) {
            return "";
        }
        return cells.get(index).strip();
    }

    private static Level defaultLevel(IocType type)
    {
        return switch (type) {
            case SHA256, SHA1, MD5 -> Level.CRITICAL;
            case IP, DOMAIN, URL, COMMAND -> Level.HIGH;
            case FILENAME -> Level.MEDIUM;
            case USER_AGENT -> Level.LOW;
        };
    }

    public List<IocIndicator> indicators()
    {
        return indicators;
    }

    public List<IocProblem> problems()
    {
        return problems;
    }
}
