package dev.tradecraft.exposure.vuln;

import static dev.tradecraft.core.Checks.checkArgument;
import static dev.tradecraft.core.Checks.checkNotBlank;
import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A SharePoint product as a scanner sees it (a row of {@code products.csv}): the build lines it
 * owns, its end of support, the CVEs it stays open to after end of life, and the names CVE records
 * use for it.
 *
 * @param id short key, e.g. {@code sp2019}
 * @param name e.g. {@code SharePoint Server 2019}
 * @param major first build component: 14 (2010), 15 (2013), 16 (2016 and later)
 * @param lineMin lowest third build component the product owns
 * @param lineMax highest third build component it owns; empty while the line still grows
 * @param online true for SharePoint Online (Microsoft's service, not an organisation's server)
 * @param endOfSupport last day of extended support
 * @param unfixedAfterEndOfLife CVEs it is vulnerable to with no fix ever coming, though the records leave it out
 * @param recordNames {@code affected[].product} names CVE records use for it
 * @param cpes CPE names CVE records use for it
 * @param note sources and caveats
 */
public record SharePointProduct(
        String id,
        String name,
        int major,
        long lineMin,
        Optional<Long> lineMax,
        boolean online,
        Optional<LocalDate> endOfSupport,
        List<String> unfixedAfterEndOfLife,
        List<String> recordNames,
        List<String> cpes,
        String note)
{
    public SharePointProduct
    {
        checkNotBlank(id, "id");
        checkNotBlank(name, "name");
        checkArgument(major > 0, "major must be positive: %s", major);
        checkArgument(lineMin >= 0, "lineMin is negative: %s", lineMin);
        requireNonNull(lineMax, "lineMax is null");
        checkArgument(lineMax.isEmpty() || lineMax.get() >= lineMin, "lineMax %s is below lineMin %s", lineMax, lineMin);
        requireNonNull(endOfSupport, "endOfSupport is null");
        unfixedAfterEndOfLife = List.copyOf(requireNonNull(unfixedAfterEndOfLife, "unfixedAfterEndOfLife is null"));
        recordNames = List.copyOf(requireNonNull(recordNames, "recordNames is null"));
        cpes = List.copyOf(requireNonNull(cpes, "cpes is null"));
        requireNonNull(note, "note is null");
    }

    /** True when build line {@code line} (third component) of this major belongs to the product. */
    public boolean ownsLine(long line)
    {
        return line >= lineMin && (lineMax.isEmpty() || line <= lineMax.get());
    }

    /** True when a CVE record's {@code affected[].product} names this product (ignoring case). */
    public boolean isNamed(String recordProduct)
    {
        for (String recordName : recordNames) {
            if (recordName.equalsIgnoreCase(recordProduct.strip())) {
                return true;
            }
        }
        return false;
    }

    /** True when the product is past end of support on {@code day}. */
    public boolean pastEndOfSupport(LocalDate day)
    {
        return endOfSupport.isPresent() && day.isAfter(endOfSupport.get());
    }

    @Override
    public String toString()
    {
        return name;
    }
}
