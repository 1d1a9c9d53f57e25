package io.newsgraph.deploy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;
import io.smallrye.config.WithParentName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The settings a service declares through its {@code @ConfigMapping} interfaces, as the environment variable names
 * SmallRye Config maps to them ({@code newsgraph.articles.relay.signing-key} is {@code NEWSGRAPH_ARTICLES_RELAY_SIGNING_KEY}).
 * Read from the service's compiled classes, so a renamed setting shows up here.
 */
final class ConfigNames {

    /** One setting: its property name and the pattern of environment variable names that set it. */
    record Setting(String property, Pattern envName) {
    }

    private ConfigNames() {
    }

    /** Every setting of every {@code @ConfigMapping} interface in the code source (jar or folder) of {@code anchor}. */
    static List<Setting> of(Class<?> anchor) {
        List<Setting> settings = new ArrayList<>();
        for (String className : classNames(anchor)) {
            Class<?> type;
            try {
                type = Class.forName(className, false, anchor.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                continue; // a class whose dependencies are not on this classpath holds no mapping we read
            }
            ConfigMapping mapping = type.getAnnotation(ConfigMapping.class);
            if (mapping != null && type.isInterface()) {
                collect(type, mapping.prefix(), settings);
            }
        }
        return settings;
    }

    private static void collect(Class<?> group, String prefix, List<Setting> out) {
        for (Method m : group.getMethods()) {
            if (m.getParameterCount() != 0 || m.isDefault() || Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            String segment = m.isAnnotationPresent(WithParentName.class) ? null
                    : m.isAnnotationPresent(WithName.class) ? m.getAnnotation(WithName.class).value() : kebab(m.getName());
            String name = segment == null ? prefix : prefix + "." + segment;
            Type type = m.getGenericReturnType();
            Class<?> raw = m.getReturnType();
            if (raw == Optional.class) {
                type = typeArgument(type, 0);
                raw = rawOf(type);
            }
            if (java.util.Map.class.isAssignableFrom(raw)) {
                Type value = typeArgument(type, 1);
                if (isGroup(rawOf(value))) {
                    collect(rawOf(value), name + ".*", out);
                } else {
                    out.add(setting(name + ".*"));
                }
            } else if (isGroup(raw)) {
                collect(raw, name, out);
            } else {
                out.add(setting(name));
            }
        }
    }

    private static Setting setting(String property) {
        // SmallRye Config: an environment variable is the property name upper-cased, every non-alphanumeric as "_".
        String[] parts = property.split("\\*", -1);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append("[A-Z0-9_]+");
            }
            regex.append(Pattern.quote(parts[i].toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_")));
        }
        return new Setting(property, Pattern.compile(regex.toString()));
    }

    private static boolean isGroup(Class<?> type) {
        return type.isInterface() && !type.getName().startsWith("java.");
    }

    private static Type typeArgument(Type type, int index) {
        return type instanceof ParameterizedType p ? p.getActualTypeArguments()[index] : Object.class;
    }

    private static Class<?> rawOf(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return Object.class;
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static List<String> classNames(Class<?> anchor) {
        Path source;
        try {
            source = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<String> names = new ArrayList<>();
        try {
            if (Files.isDirectory(source)) {
                try (Stream<Path> files = Files.walk(source)) {
                    files.filter(f -> f.toString().endsWith(".class"))
                            .forEach(f -> names.add(className(source.relativize(f).toString())));
                }
            } else {
                try (JarFile jar = new JarFile(source.toFile())) {
                    for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                        String entry = e.nextElement().getName();
                        if (entry.endsWith(".class") && !entry.startsWith("META-INF/")) {
                            names.add(className(entry));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    private static String className(String path) {
        return path.substring(0, path.length() - ".class".length()).replace('/', '.').replace('\\', '.');
    }
}
