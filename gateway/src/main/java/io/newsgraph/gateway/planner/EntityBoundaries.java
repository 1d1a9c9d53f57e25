package io.newsgraph.gateway.planner;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import graphql.language.Field;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import io.newsgraph.gateway.supergraph.KeyInfo;
import io.newsgraph.gateway.supergraph.TypeInfo;

/**
 * Crossing an entity boundary: the parent fetch also selects {@code __typename}, the key and the
 * {@code @requires} fields (planned like any other selection, possibly through earlier fetches), and an
 * {@code _entities} fetch to the other subgraph follows with the fields asked there.
 */
final class EntityBoundaries {

    static final Field TYPENAME = Field.newField("__typename").build();

    private final PlanningContext ctx;
    private final RequiredFields required = new RequiredFields();
    /**
     * Representations being planned (fetch|path|subgraph|type|fields asked): meeting one again means it needs itself.
     */
    private final Set<String> representing = new HashSet<>();

    EntityBoundaries(PlanningContext ctx) {
        this.ctx = ctx;
    }

    /**
     * Fetches {@code fields} of the entity at the scope's path from subgraph {@code to}, through {@code _entities}.
     * {@code variant} tells apart entity fetches to one subgraph at one path that cannot share a representation
     * (their {@code @requires} ask one field with different arguments).
     */
    Set<FetchNode> jump(Scope s, String to, LinkedHashMap<String, List<Field>> fields, String variant) {
        TypeInfo type = s.type();
        TypeInfo entity = entityIn(type, to, fields.values().iterator().next().get(0).getName());
        List<KeyInfo> keys = entity.resolvableKeys(to);
        KeyInfo key = null;
        for (KeyInfo k : keys) {
            if (ctx.costs.cost(s.graph(), type, new ArrayList<>(k.selection().getSelections()), s.provided(), 0) == 0) {
                key = k;
                break;
            }
        }
        if (key == null) {
            key = keys.get(0);
        }
        // Objects of several types at one path share one _entities request: the representation shapes are
        // chosen per __typename at run time, so a trailing type condition is not needed in the merge path.
        FetchNode entityFetch = ctx.entityFetch(s.fetch(), s.mergePath(), to, variant);
        List<Selection> representation = new ArrayList<>();
        representation.add(TYPENAME);
        representation.addAll(key.selection().getSelections());
        for (List<Field> fs : fields.values()) {
            SelectionSet requires = ctx.supergraph.requires(entity, fs.get(0).getName(), to);
            if (requires != null) {
                representation.addAll(required.planned(requires));
            }
        }
        Set<FetchNode> created = new LinkedHashSet<>();
        created.add(entityFetch);
        // The representation is planned before this fetch runs: what it needs from the same subgraph is a
        // separate, earlier fetch, never this one.
        String jumpKey = s.fetch().id() + "|" + entityFetch.path() + "|" + to + variant;
        // A representation may need other fields of the same subgraph (a @requires naming a field of the entity's
        // own subgraph): those are another, earlier jump there. It needs itself only when the same fields come back.
        String representationKey = jumpKey + "|" + type.name() + "|" + fields.keySet();
        if (!representing.add(representationKey)) {
            throw new PlanningException("cannot reach the key of " + type.name() + " in subgraph " + ctx.name(to)
                    + " from subgraph " + ctx.name(s.graph()));
        }
        ctx.jumps.remove(jumpKey);
        Set<FetchNode> feeding = ctx.selections.planFields(s.deeper(), ctx.collector.collect(type.name(), stillToFetch(s, representation)));
        ctx.jumps.put(jumpKey, entityFetch);
        representing.remove(representationKey);
        created.addAll(feeding);
        entityFetch.dependencies.addAll(feeding);
        entityFetch.dependencies.remove(entityFetch);
        addRepresentation(entityFetch.representations().computeIfAbsent(type.name(), t -> new SelectionTree()), representation);
        if (entity != type) {
            entityFetch.representationTypenames().put(type.name(), entity.name());
        }
        SelectionTree sub = entityFetch.selection().fragment(entity.name());
        created.addAll(ctx.selections.planFields(s.in(entityFetch, sub, entity), fields));
        return created;
    }

    /**
     * The representation's fields less those the merged response already holds at this place: a jump from an entity
     * fetch at its own path runs after it, so what that fetch's representation carried (a key its subgraph only
     * declares external, say) is there to send on and is not fetched again.
     */
    private static List<Selection> stillToFetch(Scope s, List<Selection> representation) {
        FetchNode fetch = s.fetch();
        SelectionTree sent = fetch.isEntityFetch() && fetch.path().equals(s.mergePath())
                ? fetch.representations().get(s.type().name()) : null;
        if (sent == null) {
            return representation;
        }
        List<Selection> out = new ArrayList<>(representation.size());
        for (Selection sel : representation) {
            if (sel instanceof Field f && f.getSelectionSet() == null && sent.fields().get(f.getResultKey()) instanceof SelectionTree.FieldNode n
                    && n.selection() == null) {
                continue;
            }
            out.add(sel);
        }
        return out;
    }

    /**
     * Whether {@code type.field} has {@code @requires} in the scope's subgraph that its fetch does not already carry
     * in its representations (it does when this is the entity fetch made for the field).
     */
    boolean needsRequiresFirst(Scope s, String field) {
        TypeInfo type = s.type();
        FetchNode fetch = s.fetch();
        SelectionSet requires = ctx.supergraph.requires(type, field, s.graph());
        if (requires == null) {
            return false;
        }
        if (fetch.isEntityFetch() && fetch.path().equals(s.mergePath())) {
            SelectionTree rep = fetch.representations().get(type.name());
            if (rep != null) {
                for (Selection sel : required.planned(requires)) {
                    if (sel instanceof Field f && !rep.fields().containsKey(f.getResultKey())) {
                        return true;
                    }
                }
                return false;
            }
            if (fetch.representations().containsKey(type.name()) || !fetch.representationTypenames().isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Splits the fields going to one subgraph into groups whose {@code @requires} can share one representation:
     * a field that requires a field another one also requires, with other arguments, goes to a fetch of its own.
     */
    List<LinkedHashMap<String, List<Field>>> requirementGroups(TypeInfo type, String to, LinkedHashMap<String, List<Field>> fields) {
        if (fields.size() < 2) {
            return List.of(fields);
        }
        TypeInfo entity = entityIn(type, to, fields.values().iterator().next().get(0).getName());
        List<LinkedHashMap<String, List<Field>>> groups = new ArrayList<>();
        List<List<Selection>> requirements = new ArrayList<>();
        for (var e : fields.entrySet()) {
            SelectionSet requires = ctx.supergraph.requires(entity, e.getValue().get(0).getName(), to);
            List<Selection> mine = requires == null ? List.of() : required.planned(requires);
            int g = 0;
            while (g < groups.size() && RequiredFields.conflict(requirements.get(g), mine)) {
                g++;
            }
            if (g == groups.size()) {
                groups.add(new LinkedHashMap<>());
                requirements.add(new ArrayList<>());
            }
            groups.get(g).put(e.getKey(), e.getValue());
            requirements.get(g).addAll(mine);
        }
        return groups;
    }

    /**
     * The entity type to send representations of: the type itself when {@code to} has a key for it, otherwise
     * an interface of it that {@code to} declares as {@code @interfaceObject} (and that resolves {@code field}).
     */
    TypeInfo entityIn(TypeInfo type, String to, String field) {
        if (!type.resolvableKeys(to).isEmpty()) {
            return type;
        }
        for (TypeInfo i : ctx.interfaceObjects.of(type, to)) {
            if (ctx.supergraph.resolves(i, field, to)) {
                return i;
            }
        }
        return type;
    }

    /** Adds a representation's fields to its shape (response keys as fetched, names as sent). */
    void addRepresentation(SelectionTree tree, List<Selection> sels) {
        for (Selection s : sels) {
            if (s instanceof Field f) {
                boolean composite = f.getSelectionSet() != null;
                SelectionTree.FieldNode node = tree.field(f.getResultKey(), f.getName(), List.of(), composite);
                if (composite) {
                    addRepresentation(node.selection(), new ArrayList<>(f.getSelectionSet().getSelections()));
                }
            } else if (s instanceof InlineFragment in) {
                List<Selection> inner = new ArrayList<>(in.getSelectionSet().getSelections());
                if (in.getTypeCondition() == null) {
                    addRepresentation(tree, inner);
                    continue;
                }
                // Representations are built per object by its __typename: one fragment per concrete type.
                TypeInfo condition = ctx.supergraph.type(in.getTypeCondition().getName());
                List<String> concrete = condition != null && condition.isAbstract() ? ctx.possibleTypes(condition)
                        : List.of(in.getTypeCondition().getName());
                for (String c : concrete) {
                    addRepresentation(tree.fragment(c), inner);
                }
            }
        }
    }
}
