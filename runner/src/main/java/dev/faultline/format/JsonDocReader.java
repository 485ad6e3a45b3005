package dev.faultline.format;

import java.util.ArrayList;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.json.JsonFactory;

/**
 * Parses strict JSON into a {@link DocNode} tree with positions (Jackson's streaming parser, so a
 * JSON file gets JSON's error messages rather than YAML's).
 */
final class JsonDocReader {
  private static final JsonFactory FACTORY = new JsonFactory();

  DocNode read(String text) throws SyntaxException {
    try (JsonParser parser = FACTORY.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new SyntaxException("the file is empty; an experiment is a JSON object", 1, 1);
      }
      DocNode root = value(parser, first);
      JsonToken trailing = parser.nextToken();
      if (trailing != null) {
        TokenStreamLocation at = parser.currentTokenLocation();
        throw new SyntaxException(
            "unexpected content after the end of the JSON document",
            at.getLineNr(),
            at.getColumnNr());
      }
      return root;
    } catch (StreamReadException e) {
      TokenStreamLocation at = e.getLocation();
      throw new SyntaxException(
          firstLine(e.getOriginalMessage()),
          at == null ? 0 : at.getLineNr(),
          at == null ? 0 : at.getColumnNr());
    } catch (JacksonException e) {
      throw new SyntaxException(firstLine(e.getOriginalMessage()), 0, 0);
    }
  }

  private DocNode value(JsonParser parser, JsonToken token) throws SyntaxException {
    TokenStreamLocation at = parser.currentTokenLocation();
    int line = at.getLineNr();
    int column = at.getColumnNr();
    return switch (token) {
      case START_OBJECT -> {
        var builder = new DocTreeBuilder();
        JsonToken next;
        while ((next = parser.nextToken()) == JsonToken.PROPERTY_NAME) {
          TokenStreamLocation keyAt = parser.currentTokenLocation();
          String key = parser.currentName();
          DocNode item = value(parser, parser.nextToken());
          builder.put(key, keyAt.getLineNr(), keyAt.getColumnNr(), item);
        }
        yield builder.build(line, column);
      }
      case START_ARRAY -> {
        var items = new ArrayList<DocNode>();
        JsonToken next;
        while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
          items.add(value(parser, next));
        }
        yield new DocList(items, line, column);
      }
      case VALUE_STRING -> new DocScalar(parser.getString(), line, column, true);
      case VALUE_NUMBER_INT -> {
        if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
          throw new SyntaxException(
              "the number " + parser.getText() + " is too large", line, column);
        }
        yield new DocScalar(parser.getLongValue(), line, column, false);
      }
      case VALUE_NUMBER_FLOAT -> new DocScalar(parser.getDoubleValue(), line, column, false);
      case VALUE_TRUE -> new DocScalar(Boolean.TRUE, line, column, false);
      case VALUE_FALSE -> new DocScalar(Boolean.FALSE, line, column, false);
      case VALUE_NULL -> new DocScalar(null, line, column, false);
      default -> throw new SyntaxException("unexpected JSON token " + token, line, column);
    };
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "malformed JSON";
    }
    int newline = message.indexOf('\n');
    return (newline < 0 ? message : message.substring(0, newline)).strip();
  }
}
