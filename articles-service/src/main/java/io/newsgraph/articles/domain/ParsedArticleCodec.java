package io.newsgraph.articles.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsgraph.articles.parse.ParsedArticle;
import jakarta.enterprise.context.ApplicationScoped;

/** Reads and writes the parsed structure stored with each article. */
@ApplicationScoped
public class ParsedArticleCodec {

    private final ObjectMapper mapper;

    public ParsedArticleCodec(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public String write(ParsedArticle parsed) {
        try {
            return mapper.writeValueAsString(parsed);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("parsed article not serialisable", e);
        }
    }

    public ParsedArticle read(String json) {
        try {
            return mapper.readValue(json, ParsedArticle.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored parsed article unreadable", e);
        }
    }

    public String writeValue(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not serialisable", e);
        }
    }
}
