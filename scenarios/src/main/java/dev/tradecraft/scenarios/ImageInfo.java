package dev.tradecraft.scenarios;

import static java.util.Objects.requireNonNull;

/**
 * The version resource of an executable as Sysmon reports it; {@code -} where the file has none.
 *
 * @param fileVersion FileVersion
 * @param description FileDescription
 * @param product ProductName
 * @param company CompanyName
 * @param originalFileName OriginalFileName, which survives renaming
 */
record ImageInfo(String fileVersion, String description, String product, String company, String originalFileName)
{
    static final ImageInfo NONE = new ImageInfo("-", "-", "-", "-", "-");

    ImageInfo
    {
        requireNonNull(fileVersion, "fileVersion is null");
        requireNonNull(description, "description is null");
        requireNonNull(product, "product is null");
        requireNonNull(company, "company is null");
        requireNonNull(originalFileName, "originalFileName is null");
    }
}
