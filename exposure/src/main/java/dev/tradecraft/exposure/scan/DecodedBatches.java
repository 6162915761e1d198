package dev.tradecraft.exposure.scan;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Batches of a reader that decodes as it reads (nmap XML, pretty-printed JSON): the banners are ready when the batch is. */
final class DecodedBatches implements BannerBatches
{
    static final int MAX_BANNERS = 2048;

    private final BannerReader reader;

    DecodedBatches(BannerReader reader)
    {
        this.reader = requireNonNull(reader, "reader is null");
    }

    @Override
    public Optional<Batch> next() throws IOException
    {
        List<Banner> banners = new ArrayList<>();
        while (banners.size() < MAX_BANNERS && reader.advance()) {
            banners.add(reader.current());
        }
        if (banners.isEmpty()) {
            return Optional.empty();
        }
        List<Banner> ready = List.copyOf(banners);
        return Optional.of(new Batch()
        {
            @Override
            public List<Banner> banners(Consumer<ScanProblem> problems)
            {
                return ready;
            }

            @Override
            public int size()
            {
                return ready.size();
            }
        });
    }

    @Override
    public ScanFormat format()
    {
        return reader.format();
    }

    @Override
    public void close() throws IOException
    {
        reader.close();
    }
}
