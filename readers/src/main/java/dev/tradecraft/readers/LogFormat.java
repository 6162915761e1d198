package dev.tradecraft.readers;

/** The input formats the readers understand, recognised by content, never by file name. */
public enum LogFormat
{
    /** IIS W3C extended log: {@code #Fields} directives and space-separated values. */
    IIS_W3C,
    /** Windows event records as JSON: evtx_dump {@code Event} objects, Winlogbeat/ECS, or flat Sigma names. */
    WINDOWS_JSON,
    /** Windows XML Event Log, the binary {@code .evtx} format, read without converting it first. */
    EVTX
}
