package vn.r57desk.store.cli;

import java.util.Arrays;
import java.util.Iterator;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

final class QueryIdConverter implements ITypeConverter<QueryId> {
    @Override
    public QueryId convert(String value) {
        for (QueryId q : QueryId.values()) if (q.cliName().equals(value)) return q;
        throw new TypeConversionException("unknown query '" + value + "'; one of: " + String.join(", ", new Names()));
    }

    static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(QueryId.values()).map(QueryId::cliName).iterator();
        }
    }
}
