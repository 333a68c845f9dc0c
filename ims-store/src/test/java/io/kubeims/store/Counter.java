package io.kubeims.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A test value: a number, stored as {@code {"value": n}}. */
record Counter(long value) {

    Counter next() {
        return new Counter(value + 1);
    }

    static final class Json implements ValueCodec<Counter> {

        private final ObjectMapper mapper = new ObjectMapper();

        @Override
        public String encode(Counter counter) {
            ObjectNode root = JsonFields.newObject();
            root.put("value", counter.value());
            return JsonFields.write(root);
        }

        @Override
        public Counter decode(String cache, String key, String stored) {
            JsonFields fields = new JsonFields(mapper, cache, key);
            return new Counter(fields.integer(fields.parseObject(stored), "value"));
        }
    }
}
